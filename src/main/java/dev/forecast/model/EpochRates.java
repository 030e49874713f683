package dev.forecast.model;

import java.util.Arrays;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * A learning rate that is constant within an epoch: {@code rates[e]} for the iterations
 * of epoch {@code e + 1} (the last rate holds beyond). Counted in iterations, so it needs
 * no epoch counter and works with any training loop that counts iterations.
 */
public class EpochRates implements ISchedule {

	private static final long serialVersionUID = 1L;

	/** Fields are non-final for DL4J's JSON configuration mapper. */
	private double[] rates;

	private int iterationsPerEpoch;

	/** For DL4J's JSON configuration mapper. */
	public EpochRates() {
	}

	public EpochRates(double[] rates, int iterationsPerEpoch) {
		if (rates.length == 0 || iterationsPerEpoch < 1) {
			throw new IllegalArgumentException("need at least one rate and one iteration per epoch");
		}
		this.rates = rates.clone();
		this.iterationsPerEpoch = iterationsPerEpoch;
	}

	@Override
	public double valueAt(int iteration, int epoch) {
		int index = Math.min(iteration / this.iterationsPerEpoch, this.rates.length - 1);
		return this.rates[Math.max(0, index)];
	}

	@Override
	public ISchedule clone() {
		return new EpochRates(this.rates, this.iterationsPerEpoch);
	}

	public double[] getRates() {
		return this.rates;
	}

	public void setRates(double[] rates) {
		this.rates = rates;
	}

	public int getIterationsPerEpoch() {
		return this.iterationsPerEpoch;
	}

	public void setIterationsPerEpoch(int iterationsPerEpoch) {
		this.iterationsPerEpoch = iterationsPerEpoch;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EpochRates o && o.iterationsPerEpoch == this.iterationsPerEpoch
				&& Arrays.equals(o.rates, this.rates);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.rates) + this.iterationsPerEpoch;
	}

	@Override
	public String toString() {
		return "EpochRates(" + this.rates.length + " epochs, " + this.iterationsPerEpoch + " iterations each)";
	}

}
