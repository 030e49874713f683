package dev.forecast.model.training;

import java.util.ArrayList;
import java.util.List;

/**
 * What a learning curve says about a finished training, with the remedies the course
 * suggests.
 * <ul>
 * <li>{@code overfit}: after its lowest point the validation loss stayed above it for at
 * least {@link #RISING_EPOCHS} epochs and ended higher, while the training loss kept
 * falling; {@code since} is the first epoch after the lowest point.</li>
 * <li>{@code underfit}: the training loss was still falling steeply at the end (on
 * average more than {@link #STEEP} of its value per epoch over the last {@link #TAIL}
 * epochs), or the validation MAE is no better than the naive forecast's (the previous
 * value) or the seasonal naive forecast's on the same validation points; the first advice
 * then says "Worse than naive".</li>
 * <li>{@code good}: neither.</li>
 * </ul>
 *
 * @param verdict {@code overfit}, {@code underfit} or {@code good}
 * @param since the epoch overfitting began, else {@code null}
 * @param advice remedies, most useful first
 */
public record Diagnosis(String verdict, Integer since, List<String> advice) {

	static final int RISING_EPOCHS = 3;

	static final double STEEP = 0.02;

	static final int TAIL = 3;

	/**
	 * The validation loss must end this much (relative) above its lowest point to count
	 * as rising.
	 */
	static final double RISE = 0.01;

	public static Diagnosis of(List<EpochStats> curve, double valMae, double naiveMae) {
		return of(curve, valMae, naiveMae, Double.NaN);
	}

	/**
	 * The diagnosis of a learning curve whose kept weights have {@code valMae}, against
	 * the naive and the seasonal naive ({@code NaN}: none) forecasts' MAEs on the same
	 * validation points.
	 */
	public static Diagnosis of(List<EpochStats> curve, double valMae, double naiveMae, double seasonalNaiveMae) {
		String worse = worseThanNaive(valMae, naiveMae, seasonalNaiveMae);
		Diagnosis diagnosis = curveOf(curve, valMae, worse != null);
		if (worse == null) {
			return diagnosis;
		}
		List<String> advice = new ArrayList<>();
		advice.add(worse);
		advice.addAll(diagnosis.advice());
		return new Diagnosis(diagnosis.verdict(), diagnosis.since(), advice);
	}

	/**
	 * The "worse than naive" advice, or {@code null} when the run beats both baselines.
	 */
	private static String worseThanNaive(double valMae, double naiveMae, double seasonalNaiveMae) {
		boolean seasonal = Double.isFinite(seasonalNaiveMae) && seasonalNaiveMae < naiveMae;
		double baseline = seasonal ? seasonalNaiveMae : naiveMae;
		if (!Double.isFinite(baseline) || valMae < baseline) {
			return null;
		}
		String method = seasonal ? "seasonal_naive" : "naive";
		return String.format(java.util.Locale.ROOT,
				"Worse than naive: the validation MAE %.4g is no better than the %s forecast's %.4g on the same "
						+ "validation points (ratio %.3f). Forecast with method=%s, or train with normalization "
						+ "\"window\", differencing, a shorter window or the nbeats model.",
				valMae, method, baseline, valMae / baseline, method);
	}

	private static Diagnosis curveOf(List<EpochStats> curve, double valMae, boolean noBetterThanNaive) {
		if (curve.isEmpty()) {
			return new Diagnosis("underfit", null, List.of("Train longer: no epoch finished (raise epochs)."));
		}
		int best = 0;
		for (int i = 1; i < curve.size(); i++) {
			if (curve.get(i).valLoss() < curve.get(best).valLoss()) {
				best = i;
			}
		}
		EpochStats lowest = curve.get(best);
		EpochStats last = curve.get(curve.size() - 1);
		if (curve.size() - 1 - best >= RISING_EPOCHS && last.valLoss() > lowest.valLoss() * (1 + RISE)
				&& last.trainLoss() < lowest.trainLoss()) {
			List<String> advice = new ArrayList<>();
			advice.add("Stop early: the validation loss was lowest at epoch " + lowest.epoch()
					+ " (earlyStopping.patience keeps the best epoch's weights).");
			advice.add(
					"Regularize: L2 weight decay (regularization.l2, e.g. 1e-4) or dropout (regularization.dropout, e.g. 0.2).");
			advice.add("Use a smaller model: fewer layers or units.");
			advice.add("Get more data: a longer series, or a smaller validation part.");
			if (erratic(curve)) {
				advice.add("Lower the learning rate: the training loss jumps around.");
			}
			return new Diagnosis("overfit", lowest.epoch() + 1, advice);
		}
		boolean stillFalling = steeplyFalling(curve);
		if (stillFalling || noBetterThanNaive) {
			List<String> advice = new ArrayList<>();
			if (stillFalling) {
				advice.add("Train longer: the training loss was still falling steeply at the end (raise epochs).");
			}
			if (noBetterThanNaive) {
				advice.add("Use a bigger model (more layers or units) if the training loss stays high.");
			}
			if (erratic(curve)) {
				advice.add("Lower the learning rate: the training loss jumps around.");
			}
			advice.add("Reduce regularization (regularization.l1, l2, dropout) if any is set.");
			if (!stillFalling) {
				advice.add("Train longer or with a larger learning rate (a range_test schedule suggests one).");
			}
			return new Diagnosis("underfit", null, advice);
		}
		return new Diagnosis("good", null, List.of());
	}

	/** More than a third of the epochs raised the training loss. */
	private static boolean erratic(List<EpochStats> curve) {
		int rises = 0;
		for (int i = 1; i < curve.size(); i++) {
			if (curve.get(i).trainLoss() > curve.get(i - 1).trainLoss()) {
				rises++;
			}
		}
		return curve.size() > 3 && rises * 3 > curve.size() - 1;
	}

	private static boolean steeplyFalling(List<EpochStats> curve) {
		int n = curve.size();
		if (n < 2) {
			return true;
		}
		int from = Math.max(0, n - 1 - TAIL);
		double start = curve.get(from).trainLoss();
		double end = curve.get(n - 1).trainLoss();
		double perEpoch = (start - end) / start / (n - 1 - from);
		return perEpoch > STEEP;
	}

	/**
	 * The MAE of the naive one-step forecast (every target predicted by the window's last
	 * value) on the validation windows of {@code window}, {@code horizon} and
	 * {@code validation}, as {@link WindowedData} builds them.
	 */
	public static double naiveMae(double[] series, int window, int horizon, int validation) {
		int trainEnd = series.length - validation;
		int count = series.length - horizon - trainEnd + 1;
		double sum = 0;
		long n = 0;
		for (int i = 0; i < count; i++) {
			double last = series[trainEnd + i - 1];
			for (int k = 0; k < horizon; k++) {
				sum += Math.abs(series[trainEnd + i + k] - last);
				n++;
			}
		}
		return n == 0 ? Double.NaN : sum / n;
	}

}
