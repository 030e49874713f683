package dev.forecast.model.training;

import java.util.List;

import dev.forecast.model.serving.TrainedModel;

/**
 * What a training loop produced.
 *
 * @param model the network with the best epoch's weights, or {@code null} when stopped
 * before the first epoch ended
 * @param stopped {@code true} when {@link TrainingMonitor#shouldStop()} ended the loop
 * @param bestEpoch the epoch whose weights were kept (0 when none)
 * @param valMae validation MAE of the kept weights, series units
 * @param valRmse validation RMSE of the kept weights, series units
 * @param trainSeconds wall time of the loop
 * @param curve one entry per finished epoch
 * @param naiveMae MAE of the naive forecast (the window's last value) on the same
 * validation points
 * @param suggestedLearningRate a {@code range_test}'s suggestion, else {@code null}
 * @param seasonalNaiveMae MAE of the seasonal naive forecast on the same validation
 * points ({@code NaN}: no season)
 * @param season the season of that baseline, or {@code null}
 */
public record TrainingResult(TrainedModel model, boolean stopped, int bestEpoch, double valMae, double valRmse,
		double trainSeconds, List<EpochStats> curve, double naiveMae, Double suggestedLearningRate,
		double seasonalNaiveMae, Integer season) {

	public TrainingResult(TrainedModel model, boolean stopped, int bestEpoch, double valMae, double valRmse,
			double trainSeconds, List<EpochStats> curve) {
		this(model, stopped, bestEpoch, valMae, valRmse, trainSeconds, curve, Double.NaN, null, Double.NaN, null);
	}

	/**
	 * What the learning curve says (over- or underfitting, worse than naive) and what to
	 * do about it.
	 */
	public Diagnosis diagnosis() {
		return Diagnosis.of(this.curve, this.valMae, this.naiveMae, this.seasonalNaiveMae);
	}

	/**
	 * The validation MAE against the naive baselines, or {@code null} when there is none.
	 */
	public VsNaive vsNaive() {
		return VsNaive.of(this.valMae, this.naiveMae, this.seasonalNaiveMae, this.season);
	}

}
