package dev.forecast.model.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.forecast.model.Seasonality;
import dev.forecast.model.serving.Predictor;
import dev.forecast.model.serving.TrainedModel;

/**
 * Validation errors of a global model ({@link GlobalTrainer}) as served.
 */
final class GlobalScores {

	private GlobalScores() {
	}

	/**
	 * Scaled validation errors of the served model and its scale-free residuals per step
	 * ahead.
	 */
	record Scored(double mae, double rmse, float[][] residuals) {
	}

	/**
	 * Forecasts every validation origin of every member as served ({@link Predictor}) and
	 * scores them: MAE and RMSE scaled by each member's in-sample naive MAE; residuals
	 * divided by the scale of the window forecast from.
	 */
	static Scored score(TrainedModel model, List<double[]> members, int validation) {
		int horizon = model.horizon();
		int span = model.window();
		for (TrainedModel member : model.members()) {
			span = Math.max(span, member.window());
		}
		if (model.seasonalPeriod() > 1) { // as served: the cycles the adjustment reads
			span = Math.max(span, Seasonality.HISTORY_CYCLES * model.seasonalPeriod());
		}
		List<double[]> histories = new ArrayList<>();
		List<double[]> actuals = new ArrayList<>();
		List<Double> scales = new ArrayList<>();
		for (double[] series : members) {
			int trainEnd = series.length - validation;
			double scale = GlobalWindows.naiveScale(series, Math.max(0, trainEnd));
			for (int t = Math.max(trainEnd, model.minimumInput()); t + horizon <= series.length; t++) {
				histories.add(Arrays.copyOfRange(series, Math.max(0, t - span), t));
				actuals.add(Arrays.copyOfRange(series, t, t + horizon));
				scales.add(scale);
			}
		}
		double[][] forecasts = Predictor.of(model).predict(histories.toArray(new double[0][]));
		List<List<Float>> residuals = new ArrayList<>();
		for (int k = 0; k < horizon; k++) {
			residuals.add(new ArrayList<>());
		}
		double absolute = 0;
		double squared = 0;
		long count = 0;
		for (int i = 0; i < forecasts.length; i++) {
			double windowScale = model.residualScale(histories.get(i));
			for (int k = 0; k < horizon; k++) {
				double error = forecasts[i][k] - actuals.get(i)[k];
				absolute += Math.abs(error) / scales.get(i);
				squared += (error / scales.get(i)) * (error / scales.get(i));
				count++;
				residuals.get(k).add((float) (Math.abs(error) / windowScale));
			}
		}
		float[][] sorted = new float[horizon][];
		for (int k = 0; k < horizon; k++) {
			sorted[k] = new float[residuals.get(k).size()];
			for (int i = 0; i < sorted[k].length; i++) {
				sorted[k][i] = residuals.get(k).get(i);
			}
			Arrays.sort(sorted[k]);
		}
		return new Scored(absolute / count, Math.sqrt(squared / count), sorted);
	}

	/** Mean absolute difference of two equally shaped tables, NaN for {@code null}. */
	static double mae(double[][] forecasts, double[][] actual) {
		if (forecasts == null) {
			return Double.NaN;
		}
		double sum = 0;
		long n = 0;
		for (int i = 0; i < forecasts.length; i++) {
			for (int k = 0; k < forecasts[i].length; k++) {
				sum += Math.abs(forecasts[i][k] - actual[i][k]);
				n++;
			}
		}
		return sum / n;
	}

}
