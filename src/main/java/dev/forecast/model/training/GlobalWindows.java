package dev.forecast.model.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.forecast.model.WindowTransform;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The windows of many series for one global network. A window ends at an origin {@code t}
 * (its first target) of a member: the {@code window} points before {@code t}, edge-padded
 * on the left with the member's first value where the member is shorter ({@link #padded};
 * serving pads alike), and the next {@code horizon} points its targets, all normalized
 * per window by the {@code window_level} {@link WindowTransform}. A member is used from
 * origin {@code minimumInput} on. Its last {@code validation} points are held out:
 * training origins have their targets before them, validation origins are the held out
 * points whose targets lie inside the member. Training batches draw {@code perMember}
 * origins of every member per epoch ({@link GlobalBatches}), so long members do not
 * dominate. Validation forecasts and targets are divided by the member's in-sample naive
 * MAE (mean absolute one-step change of its training part), so errors pool across members
 * as a MASE-like, scale-free number.
 */
final class GlobalWindows implements TrainingWindows {

	private final List<double[]> padded = new ArrayList<>();

	private final int[] trainEnds;

	/** Where each member's training targets end: its held-out part, or its end. */
	private final int[] trainLimits;

	private final double[] scales;

	private final int window;

	private final int horizon;

	private final int minimumInput;

	private final int perMember;

	private final boolean sequenceInput;

	private final WindowTransform transform;

	/** Validation windows: member and origin. */
	private final int[] validationMembers;

	private final int[] validationOrigins;

	GlobalWindows(List<double[]> members, int window, int horizon, int validation, int minimumInput, int perMember,
			boolean sequenceInput, WindowTransform transform) {
		this(members, window, horizon, validation, minimumInput, perMember, sequenceInput, transform, false);
	}

	/**
	 * With {@code trainAll} the training windows reach the members' ends (a refit after
	 * the number of epochs was chosen on the held-out points, which then no longer
	 * validate anything).
	 */
	GlobalWindows(List<double[]> members, int window, int horizon, int validation, int minimumInput, int perMember,
			boolean sequenceInput, WindowTransform transform, boolean trainAll) {
		this.window = window;
		this.horizon = horizon;
		this.minimumInput = minimumInput;
		this.perMember = perMember;
		this.sequenceInput = sequenceInput;
		this.transform = transform;
		this.trainEnds = new int[members.size()];
		this.trainLimits = new int[members.size()];
		this.scales = new double[members.size()];
		List<int[]> checks = new ArrayList<>();
		for (int m = 0; m < members.size(); m++) {
			double[] series = members.get(m);
			this.padded.add(padded(series, window));
			this.trainEnds[m] = series.length - validation;
			this.trainLimits[m] = trainAll ? series.length : this.trainEnds[m];
			this.scales[m] = naiveScale(series, Math.max(0, this.trainEnds[m]));
			for (int t = Math.max(this.trainEnds[m], minimumInput); t + horizon <= series.length; t++) {
				checks.add(new int[] { m, t });
			}
		}
		this.validationMembers = checks.stream().mapToInt(c -> c[0]).toArray();
		this.validationOrigins = checks.stream().mapToInt(c -> c[1]).toArray();
		if (this.validationOrigins.length == 0 || trainingMembers() == 0) {
			throw new IllegalArgumentException("no member holds " + (minimumInput + horizon) + " training points and "
					+ validation + " validation points");
		}
	}

	/** {@code series} with {@code window} copies of its first value before it. */
	static double[] padded(double[] series, int window) {
		double[] out = new double[series.length + window];
		Arrays.fill(out, 0, window, series.length == 0 ? 0 : series[0]);
		System.arraycopy(series, 0, out, window, series.length);
		return out;
	}

	/**
	 * The in-sample naive MAE of {@code series[0, end)}: its mean absolute one-step
	 * change; its mean absolute value when it does not change; 1 when that is 0 too.
	 */
	static double naiveScale(double[] series, int end) {
		double sum = 0;
		for (int i = 1; i < end; i++) {
			sum += Math.abs(series[i] - series[i - 1]);
		}
		if (end > 1 && sum > 0) {
			return sum / (end - 1);
		}
		double level = 0;
		for (int i = 0; i < Math.min(end, series.length); i++) {
			level += Math.abs(series[i]);
		}
		return level > 0 ? level / end : 1;
	}

	WindowTransform transform() {
		return this.transform;
	}

	int members() {
		return this.trainEnds.length;
	}

	/**
	 * Training origins of member {@code m}: {@code [minimumInput, trainLimit - horizon]}.
	 */
	int trainOrigins(int m) {
		return Math.max(0, this.trainLimits[m] - this.horizon - this.minimumInput + 1);
	}

	int firstOrigin() {
		return this.minimumInput;
	}

	int perMember() {
		return this.perMember;
	}

	int trainingMembers() {
		int n = 0;
		for (int m = 0; m < members(); m++) {
			n += trainOrigins(m) > 0 ? 1 : 0;
		}
		return n;
	}

	int inputs() {
		return this.transform.inputs(this.window);
	}

	int horizon() {
		return this.horizon;
	}

	@Override
	public int trainCount() {
		return trainingMembers() * this.perMember;
	}

	@Override
	public DataSet validation() {
		return batch(this.validationMembers, this.validationOrigins, 0, this.validationOrigins.length);
	}

	@Override
	public DataSetIterator trainIterator(int batchSize, boolean shuffle, long seed) {
		return new GlobalBatches(this, batchSize, seed);
	}

	@Override
	public double[][] validationForecasts(float[] output) {
		int n = this.validationOrigins.length;
		float[] scratch = new float[inputs()];
		double[][] forecasts = new double[n][];
		for (int i = 0; i < n; i++) {
			int m = this.validationMembers[i];
			double[] raw = this.padded.get(m);
			int from = this.validationOrigins[i];
			WindowTransform.Stats stats = this.transform.input(raw, from, this.window, scratch, 0);
			forecasts[i] = this.transform.restore(raw, from, this.window, output, i * this.horizon, this.horizon,
					stats);
			for (int k = 0; k < this.horizon; k++) {
				forecasts[i][k] /= this.scales[m];
			}
		}
		return forecasts;
	}

	@Override
	public double[][] validationTargets() {
		return baseline(-1);
	}

	/**
	 * Scaled forecasts of every validation window by a baseline: the targets themselves
	 * ({@code season < 0}), naive ({@code 0}) or seasonal naive ({@code season});
	 * {@code null} when a member is shorter than the season.
	 */
	double[][] baseline(int season) {
		int n = this.validationOrigins.length;
		double[][] out = new double[n][this.horizon];
		for (int i = 0; i < n; i++) {
			int m = this.validationMembers[i];
			double[] raw = this.padded.get(m);
			int t = this.validationOrigins[i] + this.window; // in padded coordinates
			for (int k = 0; k < this.horizon; k++) {
				int source = season < 0 ? t + k : season == 0 ? t - 1 : t + k - season * (k / season + 1);
				if (source < this.window) {
					return null;
				}
				out[i][k] = raw[source] / this.scales[m];
			}
		}
		return out;
	}

	/** The windows of members {@code members[i]} at origins {@code origins[i]}. */
	DataSet batch(int[] members, int[] origins, int from, int to) {
		int n = to - from;
		int inputs = inputs();
		float[] features = new float[n * inputs];
		float[] labels = new float[n * this.horizon];
		for (int i = 0; i < n; i++) {
			double[] raw = this.padded.get(members[from + i]);
			int start = origins[from + i]; // origin t in padded coordinates minus window
			WindowTransform.Stats stats = this.transform.input(raw, start, this.window, features, i * inputs);
			this.transform.target(raw, start, this.window, this.horizon, stats, labels, i * this.horizon);
		}
		return new DataSet(
				this.sequenceInput ? Nd4j.create(features, new long[] { n, 1, inputs }, 'c')
						: Nd4j.create(features, new long[] { n, inputs }, 'c'),
				Nd4j.create(labels, new long[] { n, this.horizon }, 'c'));
	}

}
