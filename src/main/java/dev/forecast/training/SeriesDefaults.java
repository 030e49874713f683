package dev.forecast.training;

/**
 * Defaults of a training spec that follow the series: its length, its frequency's season,
 * the horizon and the differencing lag. The validation part is a tenth of the series (at
 * least the horizon, at most a fifth), widened to one season on short seasonal series
 * ({@link #seasonalValidation}); the window three seasons (24 points without a season),
 * between 8 and 120 points, and at most half the training part so that most of it starts
 * windows. Series with fewer than {@link #LONG} training windows get the {@code nbeats}
 * model (the course's {@code conv_lstm} trains too slowly on small batches and was no
 * more accurate on them), narrower networks, smaller batches and more epochs. A series
 * whose training part cannot hold {@link #MIN_TRAIN_WINDOWS} windows of the smallest
 * window is too short.
 *
 * @param window the default window
 * @param validation the default validation part
 * @param trainWindows the training windows of the default window
 */
record SeriesDefaults(int window, int validation, long trainWindows) {

	/** Training windows from which a series counts as long. */
	static final long LONG = 2000;

	/** The fewest values a network reads (after differencing). */
	static final int MIN_INPUTS = 4;

	/** The fewest training windows a default spec trains on. */
	static final int MIN_TRAIN_WINDOWS = 8;

	static final int MIN_WINDOW = 8;

	static final int MAX_WINDOW = 120;

	static final int WINDOW_WITHOUT_SEASON = 24;

	/**
	 * Gradient steps short series get at least (by training more epochs, up to
	 * {@link #MAX_EPOCHS}).
	 */
	static final int MIN_STEPS = 2400;

	static final int MAX_EPOCHS = 200;

	/** The defaults, or {@code null} when the series is too short for any. */
	static SeriesDefaults of(long length, int horizon, int minValidation, int lag, Integer season, int maxWindow) {
		int validation = validation(length, minValidation);
		long train = length - validation;
		int minWindow = lag + MIN_INPUTS;
		int preferred = (season != null && season >= 2) ? 3 * season : WINDOW_WITHOUT_SEASON;
		preferred = Math.max(minWindow, Math.min(MAX_WINDOW, Math.max(MIN_WINDOW, preferred)));
		long cap = train / 2 - horizon + 1;
		int window = (int) Math.min(maxWindow, Math.max(minWindow, Math.min(preferred, cap)));
		long trainWindows = train - window - horizon + 1;
		if (trainWindows < MIN_TRAIN_WINDOWS || window < minWindow) {
			return null;
		}
		int widened = seasonalValidation(length, validation, season);
		long widenedWindows = length - widened - window - horizon + 1;
		if (widened > validation && widenedWindows >= MIN_TRAIN_WINDOWS) {
			return new SeriesDefaults(window, widened, widenedWindows);
		}
		return new SeriesDefaults(window, validation, trainWindows);
	}

	/**
	 * {@code validation}, or one season when that is more and at most a quarter of the
	 * series (monthly series under 115 points: 12 instead of 5 to 11). The window stays
	 * the one chosen for the tenth. The guard against losing to naive
	 * ({@code ShrinkageFit}) chooses between naive and seasonal naive and the network's
	 * weight on the validation part alone; on fewer points than a season it chose noise
	 * (measured on 41 monthly M3 series outside the benchmark's sample: mean MAE ratio to
	 * naive 0.88 with a tenth, 0.78 with a season; docs/training.md).
	 */
	static int seasonalValidation(long length, int validation, Integer season) {
		if (season == null || season < 2 || season <= validation || season > length / 4) {
			return validation;
		}
		return season;
	}

	/**
	 * The default model: {@code conv_lstm} ({@code fallback}) on long series,
	 * {@code nbeats} on shorter ones.
	 */
	String model(String fallback) {
		return this.trainWindows >= LONG ? fallback : "nbeats";
	}

	/** The default width of {@code model}: narrower on shorter series. */
	int units(String model) {
		if ("nbeats".equals(model)) {
			return this.trainWindows >= LONG ? 128 : 64;
		}
		return this.trainWindows >= LONG ? 60 : this.trainWindows >= 300 ? 32 : 16;
	}

	/**
	 * A tenth of the series, at least {@code minValidation}, at most a fifth unless that
	 * is below the minimum.
	 */
	static int validation(long length, int minValidation) {
		long tenth = Math.round(length * 0.1);
		return (int) Math.max(minValidation, Math.min(tenth, length / 5));
	}

	/** The shortest series with defaults. */
	static long minimumLength(int horizon, int minValidation, int lag, Integer season, int maxWindow) {
		long length = 1;
		while (of(length, horizon, minValidation, lag, season, maxWindow) == null) {
			length++;
		}
		return length;
	}

	/** An eighth of the training windows, at least 8, at most {@code largest}. */
	static int batchSize(long trainWindows, int largest) {
		return (int) Math.max(8, Math.min(largest, trainWindows / 8));
	}

	/**
	 * {@code epochs}, or more on short series (below {@link #LONG} windows): enough for
	 * {@link #MIN_STEPS} gradient steps, at most 200.
	 */
	static int epochs(long trainWindows, int batchSize, int epochs) {
		if (trainWindows >= LONG) {
			return epochs;
		}
		long batches = Math.max(1, (trainWindows + batchSize - 1) / batchSize);
		long wanted = (MIN_STEPS + batches - 1) / batches;
		return (int) Math.max(epochs, Math.min(MAX_EPOCHS, wanted));
	}

}
