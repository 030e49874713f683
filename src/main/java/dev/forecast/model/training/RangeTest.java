package dev.forecast.model.training;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Reads a learning-rate range test: the rate grew every epoch and the curve holds the
 * training loss at each rate. The suggested rate is where the loss fell fastest against
 * the logarithm of the rate, before it reached its lowest value (after which it
 * diverges).
 */
public final class RangeTest {

	private RangeTest() {
	}

	/**
	 * The rate of steepest descent, or empty when the curve is too short or never
	 * descends.
	 */
	public static OptionalDouble suggest(List<EpochStats> curve) {
		int lowest = 0;
		for (int i = 1; i < curve.size(); i++) {
			if (curve.get(i).trainLoss() < curve.get(lowest).trainLoss()) {
				lowest = i;
			}
		}
		double steepest = 0;
		OptionalDouble suggestion = OptionalDouble.empty();
		for (int i = 1; i <= lowest; i++) {
			EpochStats a = curve.get(i - 1);
			EpochStats b = curve.get(i);
			double run = Math.log10(b.learningRate()) - Math.log10(a.learningRate());
			if (!(run > 0)) {
				continue;
			}
			double slope = (b.trainLoss() - a.trainLoss()) / run;
			if (slope < steepest) {
				steepest = slope;
				suggestion = OptionalDouble.of(Math.sqrt(a.learningRate() * b.learningRate()));
			}
		}
		return suggestion;
	}

}
