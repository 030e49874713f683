package dev.forecast.model.training;

import java.util.ArrayList;
import java.util.List;

import dev.forecast.model.TrainSpec;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.samediff.AbstractSameDiffLayer;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The learning-rate side of a training loop: it notes the rate every step actually uses
 * (the curve shows each epoch's mean), reduces the rate on a plateau of the validation
 * loss ({@code plateau}), and ends a {@code range_test} when the loss diverges instead of
 * failing the run.
 */
final class RateControl {

	/**
	 * A range test ends once the training loss exceeds its lowest value by this factor.
	 */
	static final double DIVERGENCE = 4;

	private final TrainSpec.Schedule schedule;

	private final MultiLayerNetwork network;

	private double rateSum;

	private int steps;

	private double bestValLoss = Double.POSITIVE_INFINITY;

	private int sinceBest;

	private double lowestTrainLoss = Double.POSITIVE_INFINITY;

	RateControl(TrainSpec spec, MultiLayerNetwork network) {
		this.schedule = Schedules.withDefaults(spec.schedule(), spec.optimizer().learningRate());
		this.network = network;
	}

	/** Call before every step: notes the rate the step will use. */
	void beforeBatch() {
		this.rateSum += currentRate(this.network);
		this.steps++;
	}

	/**
	 * The mean rate of the epoch's steps (the current rate when there were none); starts
	 * a new epoch.
	 */
	double epochRate() {
		double rate = (this.steps == 0) ? currentRate(this.network) : this.rateSum / this.steps;
		this.rateSum = 0;
		this.steps = 0;
		return rate;
	}

	/**
	 * {@code true} for a range test: a loss that is no longer finite ends it rather than
	 * failing the run.
	 */
	boolean endsOnDivergence() {
		return Schedules.RANGE_TEST.equals(this.schedule.type());
	}

	/**
	 * Call after every epoch: reduces the rate of a {@code plateau} schedule; returns
	 * {@code true} when a range test has diverged and training should end.
	 */
	boolean afterEpoch(EpochStats stats) {
		if (Schedules.PLATEAU.equals(this.schedule.type())) {
			if (stats.valLoss() < this.bestValLoss) {
				this.bestValLoss = stats.valLoss();
				this.sinceBest = 0;
			}
			else if (++this.sinceBest >= this.schedule.patience()) {
				double current = currentRate(this.network);
				double reduced = Math.max(this.schedule.minRate(), current * this.schedule.factor());
				if (reduced < current) {
					setRate(this.network, reduced);
				}
				this.sinceBest = 0;
			}
		}
		if (endsOnDivergence()) {
			this.lowestTrainLoss = Math.min(this.lowestTrainLoss, stats.trainLoss());
			return stats.trainLoss() > DIVERGENCE * this.lowestTrainLoss;
		}
		return false;
	}

	/**
	 * The rate the next step of {@code network} uses (that of its first layer with
	 * parameters).
	 */
	static double currentRate(MultiLayerNetwork network) {
		for (IUpdater updater : updaters(network)) {
			if (updater.hasLearningRate()) {
				return updater.getLearningRate(network.getIterationCount(), network.getEpochCount());
			}
		}
		return Double.NaN;
	}

	/**
	 * Sets a constant rate on every layer, wrapped and SameDiff layers included (DL4J's
	 * {@code setLearningRate} reaches only plain layers). Updaters read their
	 * configuration's rate at every step, and their state (moments, velocity) is kept.
	 */
	static void setRate(MultiLayerNetwork network, double rate) {
		for (IUpdater updater : updaters(network)) {
			if (updater.hasLearningRate()) {
				updater.setLrAndSchedule(rate, null);
			}
		}
	}

	private static List<IUpdater> updaters(MultiLayerNetwork network) {
		List<IUpdater> updaters = new ArrayList<>();
		for (Layer layer : network.getLayers()) {
			if (layer.numParams() == 0) {
				continue;
			}
			org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
			while (conf instanceof BaseWrapperLayer wrapper) {
				conf = wrapper.getUnderlying();
			}
			if (conf instanceof BaseLayer base) {
				add(updaters, base.getIUpdater());
				add(updaters, base.getBiasUpdater());
			}
			else if (conf instanceof AbstractSameDiffLayer sameDiff) {
				add(updaters, sameDiff.getUpdater());
				add(updaters, sameDiff.getBiasUpdater());
			}
		}
		return updaters;
	}

	private static void add(List<IUpdater> updaters, IUpdater updater) {
		if (updater != null && updaters.stream().noneMatch(u -> u == updater)) {
			updaters.add(updater);
		}
	}

}
