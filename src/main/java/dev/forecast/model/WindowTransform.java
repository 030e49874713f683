package dev.forecast.model;

/**
 * How a window of raw series values becomes the network's input, its targets the
 * network's labels, and the network's outputs forecasts again: optional differencing,
 * then a normalization.
 * <ul>
 * <li>Differencing by {@code lag} (0: none, 1: first differences, a season: seasonal
 * differences): a window of {@code w} raw values gives {@code w - lag} differences
 * {@code x[t] - x[t - lag]}, the targets are differenced alike, and forecasts are
 * integrated back: {@code x[t] = x[t - lag] + d[t]}, with earlier forecasts standing in
 * for {@code x[t - lag]} where it lies beyond the window.</li>
 * <li>{@code window} normalization (scale-free): each input window by its own statistics,
 * {@code (v - offset) / scale} with {@code offset} its last value (its mean when
 * differenced: a last difference is noise) and {@code scale} its standard deviation, not
 * below a floor (a tenth of the standard deviation of the training part's steps, kept as
 * the {@link Scaler}'s scale), so that a flat window does not blow its targets up. Its
 * targets use the same statistics and its outputs are mapped back with them, so a series
 * may leave the range it was trained on (a trend) and the network still sees familiar
 * numbers; an output of 0 is the naive forecast. {@code zscore}, {@code minmax} and
 * {@code none} use one {@link Scaler} fitted on the training part.</li>
 * </ul>
 *
 * @param scaler the fitted normalization ({@code window}: its scale is the floor)
 * @param lag the differencing lag, 0 for none
 */
public record WindowTransform(Scaler scaler, int lag) {

	public static final String WINDOW = "window";

	/**
	 * Per-window normalization of a global model (one network over many series): as
	 * {@code window}, but the floor of a window's scale does not depend on a series: it
	 * is the {@link Scaler}'s scale (a fraction) times the window's level, the mean
	 * absolute raw value of the window (1 when the window is all zeros).
	 */
	public static final String LEVEL = "window_level";

	/** The statistics of one window: {@code normalized = (value - offset) / scale}. */
	public record Stats(double offset, double scale) {
	}

	/**
	 * Fits {@code normalization} on the training part {@code series[0, trainEnd)},
	 * differenced by {@code lag} first.
	 */
	public static WindowTransform fit(String normalization, int lag, double[] series, int trainEnd) {
		double[] values = series;
		int count = trainEnd;
		if (lag > 0) {
			count = Math.max(0, trainEnd - lag);
			values = new double[count];
			for (int i = 0; i < count; i++) {
				values[i] = series[i + lag] - series[i];
			}
		}
		return new WindowTransform(Scaler.fit(normalization, values, count), lag);
	}

	/** Network inputs per window of {@code window} raw values. */
	public int inputs(int window) {
		return window - this.lag;
	}

	private boolean perWindow() {
		return WINDOW.equals(this.scaler.type()) || LEVEL.equals(this.scaler.type());
	}

	/** The floor of the scale of the raw window {@code raw[from, from + window)}. */
	private double floor(double[] raw, int from, int window) {
		if (!LEVEL.equals(this.scaler.type())) {
			return this.scaler.scale();
		}
		double level = 0;
		for (int j = 0; j < window; j++) {
			level += Math.abs(raw[from + j]);
		}
		level /= window;
		return level > 0 ? this.scaler.scale() * level : 1;
	}

	/** The (differenced) value at {@code i} of {@code raw}. */
	private double value(double[] raw, int i) {
		return this.lag == 0 ? raw[i] : raw[i] - raw[i - this.lag];
	}

	/**
	 * Writes the network input of the raw window {@code raw[from, from + window)} to
	 * {@code out} at {@code at} ({@link #inputs} values) and answers the statistics that
	 * restore its outputs.
	 */
	public Stats input(double[] raw, int from, int window, float[] out, int at) {
		int n = inputs(window);
		int first = from + this.lag;
		Stats stats;
		if (perWindow()) {
			double mean = 0;
			for (int j = 0; j < n; j++) {
				mean += (value(raw, first + j) - mean) / (j + 1);
			}
			double squares = 0;
			for (int j = 0; j < n; j++) {
				double d = value(raw, first + j) - mean;
				squares += d * d;
			}
			double std = Math.sqrt(squares / n);
			double offset = this.lag == 0 ? raw[from + window - 1] : mean;
			stats = new Stats(offset, Math.max(std, floor(raw, from, window)));
		}
		else {
			stats = new Stats(this.scaler.offset(), this.scaler.scale());
		}
		for (int j = 0; j < n; j++) {
			out[at + j] = (float) ((value(raw, first + j) - stats.offset) / stats.scale);
		}
		return stats;
	}

	/**
	 * Writes the labels of the {@code horizon} values after the window
	 * {@code raw[from, from + window)} (which {@code raw} must hold) to {@code out} at
	 * {@code at}, normalized by {@code stats}.
	 */
	public void target(double[] raw, int from, int window, int horizon, Stats stats, float[] out, int at) {
		for (int k = 0; k < horizon; k++) {
			out[at + k] = (float) ((value(raw, from + window + k) - stats.offset) / stats.scale);
		}
	}

	/**
	 * The forecasts of the {@code horizon} values after the raw window
	 * {@code raw[from, from + window)}, in series units, from the network's outputs
	 * {@code output[at, at + horizon)} for that window.
	 */
	public double[] restore(double[] raw, int from, int window, float[] output, int at, int horizon, Stats stats) {
		double[] result = new double[horizon];
		for (int k = 0; k < horizon; k++) {
			double value = output[at + k] * stats.scale + stats.offset;
			if (this.lag > 0) {
				int back = k - this.lag; // index of x[t - lag] among the forecasts, or
											// before them
				value += back >= 0 ? result[back] : raw[from + window + back];
			}
			result[k] = value;
		}
		return result;
	}

}
