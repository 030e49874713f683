package dev.forecast.model;

import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * SGD with classical (heavy-ball) momentum, which DL4J 1.0.0-M2.1 lacks (it has only
 * Nesterov's): {@code v ← μ v + η g; w ← w − v}, the same rule as Keras'
 * {@code SGD(momentum=μ)}.
 */
public class Momentum implements IUpdater {

	private static final long serialVersionUID = 1L;

	static final String V_STATE = "V";

	/** Fields are non-final for DL4J's JSON configuration mapper. */
	private double learningRate;

	private ISchedule learningRateSchedule;

	private double momentum;

	public Momentum() {
		this(0.01, 0.9);
	}

	public Momentum(double learningRate, double momentum) {
		this.learningRate = learningRate;
		this.momentum = momentum;
	}

	public Momentum(ISchedule learningRateSchedule, double momentum) {
		this.learningRateSchedule = learningRateSchedule;
		this.momentum = momentum;
	}

	public double getMomentum() {
		return this.momentum;
	}

	@Override
	public long stateSize(long numParams) {
		return numParams;
	}

	@Override
	public GradientUpdater<Momentum> instantiate(INDArray viewArray, boolean initializeViewArray) {
		MomentumUpdater updater = new MomentumUpdater(this);
		updater.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
		return updater;
	}

	@Override
	public GradientUpdater<Momentum> instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
		MomentumUpdater updater = new MomentumUpdater(this);
		updater.setState(state, initializeStateArrays);
		return updater;
	}

	@Override
	public Momentum clone() {
		Momentum copy = new Momentum(this.learningRate, this.momentum);
		copy.learningRateSchedule = this.learningRateSchedule == null ? null : this.learningRateSchedule.clone();
		return copy;
	}

	@Override
	public double getLearningRate(int iteration, int epoch) {
		return this.learningRateSchedule == null ? this.learningRate
				: this.learningRateSchedule.valueAt(iteration, epoch);
	}

	@Override
	public boolean hasLearningRate() {
		return true;
	}

	@Override
	public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
		this.learningRate = lr;
		this.learningRateSchedule = lrSchedule;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Momentum o && o.learningRate == this.learningRate && o.momentum == this.momentum
				&& java.util.Objects.equals(o.learningRateSchedule, this.learningRateSchedule);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hash(this.learningRate, this.momentum, this.learningRateSchedule);
	}

	@Override
	public String toString() {
		return "Momentum(learningRate=" + this.learningRate + ", momentum=" + this.momentum + ")";
	}

	static final class MomentumUpdater implements GradientUpdater<Momentum> {

		private final Momentum config;

		private INDArray velocity;

		MomentumUpdater(Momentum config) {
			this.config = config;
		}

		@Override
		public Momentum getConfig() {
			return this.config;
		}

		@Override
		public void setState(Map<String, INDArray> state, boolean initialize) {
			if (state == null || state.size() != 1 || !state.containsKey(V_STATE)) {
				throw new IllegalStateException("Momentum state must hold exactly the key " + V_STATE);
			}
			this.velocity = state.get(V_STATE);
			if (initialize) {
				this.velocity.assign(0);
			}
		}

		@Override
		public Map<String, INDArray> getState() {
			return Map.of(V_STATE, this.velocity);
		}

		@Override
		public void setStateViewArray(INDArray viewArray, long[] shape, char order, boolean initialize) {
			if (initialize) {
				viewArray.assign(0);
			}
			this.velocity = viewArray.reshape(order, shape);
		}

		@Override
		public void applyUpdater(INDArray gradient, int iteration, int epoch) {
			double lr = this.config.getLearningRate(iteration, epoch);
			this.velocity.muli(this.config.momentum).addi(gradient.muli(lr));
			gradient.assign(this.velocity);
		}

	}

}
