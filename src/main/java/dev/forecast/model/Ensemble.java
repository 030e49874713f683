package dev.forecast.model;

import java.util.Arrays;
import java.util.List;

/**
 * Combines the forecasts of an ensemble's networks: the median of each value (the mean of
 * the middle two for an even number), robust to one network that drifts away.
 */
public final class Ensemble {

	/**
	 * Training windows below which a run trains {@link #SHORT_SERIES_NETWORKS} networks.
	 */
	public static final long SHORT = 2000;

	/** Networks of a run on a short series. */
	public static final int SHORT_SERIES_NETWORKS = 3;

	private Ensemble() {
	}

	/**
	 * How many networks a run of {@code spec} on {@code length} points trains: three
	 * (seeds {@code seed}, {@code seed + 1}, {@code seed + 2}) when it has fewer than
	 * {@link #SHORT} training windows, where one network's forecasts vary most from seed
	 * to seed and training is cheap; one otherwise and for a learning-rate range test.
	 */
	public static int size(TrainSpec spec, int length) {
		long windows = (long) length - spec.validation() - spec.window() - spec.horizon() + 1;
		boolean rangeTest = Schedules.RANGE_TEST.equals(spec.schedule().type());
		return windows < SHORT && !rangeTest ? SHORT_SERIES_NETWORKS : 1;
	}

	/**
	 * The element-wise median of forecasts of the same shape ({@code [history][step]}).
	 */
	public static double[][] median(List<double[][]> forecasts) {
		double[][] first = forecasts.get(0);
		double[][] out = new double[first.length][];
		double[] values = new double[forecasts.size()];
		for (int i = 0; i < first.length; i++) {
			out[i] = new double[first[i].length];
			for (int k = 0; k < first[i].length; k++) {
				for (int m = 0; m < values.length; m++) {
					values[m] = forecasts.get(m)[i][k];
				}
				Arrays.sort(values);
				int mid = values.length / 2;
				out[i][k] = values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
			}
		}
		return out;
	}

}
