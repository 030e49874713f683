package dev.forecast.model.training;

/**
 * One point of a learning curve.
 *
 * @param epoch 1-based epoch
 * @param trainLoss mean training loss over the epoch's batches (normalized units, with
 * penalties)
 * @param valLoss loss on the validation windows (normalized units)
 * @param valMae mean absolute error on the validation windows in series units
 * @param learningRate learning rate the epoch used (the mean over its steps when it
 * changes within an epoch)
 * @param seconds wall time of the epoch including validation
 */
public record EpochStats(int epoch, double trainLoss, double valLoss, double valMae, double learningRate,
		double seconds) {
}
