package dev.forecast.forecast;

import java.util.Map;

/**
 * Running sums of a backtest's errors, and the {@link EvaluationResponse.Result} they
 * make.
 */
final class BacktestMetrics {

	private int count;

	private double absolute;

	private double squared;

	private double percent;

	private int percentCount;

	private int zeroActuals;

	private double symmetric;

	void add(double actual, double forecast) {
		double error = actual - forecast;
		this.count++;
		this.absolute += Math.abs(error);
		this.squared += error * error;
		if (actual == 0) {
			this.zeroActuals++;
		}
		else {
			this.percent += Math.abs(error / actual);
			this.percentCount++;
		}
		double denominator = Math.abs(actual) + Math.abs(forecast);
		this.symmetric += denominator == 0 ? 0 : 2 * Math.abs(error) / denominator;
	}

	int count() {
		return this.count;
	}

	double mae() {
		return this.absolute / this.count;
	}

	double rmse() {
		return Math.sqrt(this.squared / this.count);
	}

	Double mape() {
		return this.percentCount == 0 ? null : 100 * this.percent / this.percentCount;
	}

	double smape() {
		return 100 * this.symmetric / this.count;
	}

	EvaluationResponse.Result result(Method method, Map<String, Object> params, Double scale,
			Map<String, Double> coverage) {
		double mae = mae();
		return new EvaluationResponse.Result(method.code(), params, this.count, mae, rmse(), mape(), this.zeroActuals,
				smape(), scale == null ? null : mae / scale, coverage);
	}

}
