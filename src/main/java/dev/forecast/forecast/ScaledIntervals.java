package dev.forecast.forecast;

import dev.forecast.model.serving.ConformalIntervals;
import dev.forecast.model.serving.TrainedModel;

/**
 * A neural run's split-conformal intervals ({@link ConformalIntervals} of its validation
 * errors) at the scale of the history last forecast from: 1 for a model of one series,
 * whose residuals are in series units; for a global model, whose residuals are
 * scale-free, {@link TrainedModel#residualScale} of that history. One instance serves one
 * request (set by its forecast, read by its intervals).
 */
final class ScaledIntervals implements SymmetricIntervals {

	private final TrainedModel model;

	private final ConformalIntervals conformal;

	private volatile double scale = 1;

	ScaledIntervals(TrainedModel model) {
		this.model = model;
		this.conformal = new ConformalIntervals(model.residuals());
	}

	/** The intervals now follow forecasts from {@code history}. */
	void forecastFrom(double[] history) {
		this.scale = this.model.residualScale(history);
	}

	@Override
	public boolean isEmpty() {
		return this.conformal.isEmpty();
	}

	@Override
	public double[] halfWidths(double level, int steps) {
		double[] widths = this.conformal.halfWidths(level, steps).clone();
		for (int k = 0; k < widths.length; k++) {
			widths[k] *= this.scale;
		}
		return widths;
	}

}
