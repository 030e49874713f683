package dev.forecast.forecast.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Prediction-interval coverage of the classical models on series drawn from the models
 * they assume: for 400 independent series, the share of actual values 1 and 6 steps after
 * the training part that fall inside {@code forecast ± z * sqrt(variance)} must be within
 * 6 points of the level (the standard error of a share of 400 at 80% is 2 points). Fixed
 * seeds: the figures are reproducible.
 */
class ClassicalCoverageTests {

	private static final int SERIES = 400;

	private static final int TRAIN = 120;

	private static final double Z80 = 1.2815515655446004;

	private static final double Z95 = 1.959963984540054;

	@Test
	void thetaCoversALocalLevel() {
		assertCoverage(new Random(11), false);
	}

	@Test
	void thetaCoversAMultiplicativeSeasonAroundALocalLevel() {
		assertCoverage(new Random(12), true);
	}

	@Test
	void aCombinationAveragesForecastsAndStandardDeviations() {
		FittedModel low = constant(10, 4);
		FittedModel high = constant(20, 16);
		Map<String, FittedModel> members = new LinkedHashMap<>();
		members.put("low", low);
		members.put("high", high);

		Combination combination = new Combination(members, Map.of("ets", "too short"), "why");

		assertThat(combination.forecast(2)).containsExactly(15, 15);
		// sd: mean of 2 and 4
		assertThat(combination.forecastVariance(1)[0]).isCloseTo(9, within(1e-12));
		assertThat(combination.name()).isEqualTo("mean of low, high");
		assertThat(combination.parameters()).containsEntry("rule", "mean")
			.containsEntry("dropped", Map.of("ets", "too short"))
			.containsKey("members");
	}

	private static void assertCoverage(Random random, boolean seasonal) {
		int[] steps = { 1, 6 };
		int[][] inside = new int[steps.length][2];
		double[] season = { 0.8, 0.85, 0.95, 1.0, 1.05, 1.2, 1.3, 1.25, 1.05, 0.95, 0.8, 0.8 };
		for (int s = 0; s < SERIES; s++) {
			double[] y = new double[TRAIN + 6];
			double level = 100;
			for (int t = 0; t < y.length; t++) {
				double error = 2 * random.nextGaussian();
				double adjusted = level + error;
				level += 0.4 * error;
				y[t] = seasonal ? adjusted * season[t % 12] : adjusted;
			}
			FittedModel theta = Theta.fit(java.util.Arrays.copyOf(y, TRAIN), seasonal ? 12 : 1);
			double[] forecast = theta.forecast(6);
			double[] variance = theta.forecastVariance(6);
			for (int i = 0; i < steps.length; i++) {
				int k = steps[i] - 1;
				double error = Math.abs(y[TRAIN + k] - forecast[k]);
				inside[i][0] += error <= Z80 * Math.sqrt(variance[k]) ? 1 : 0;
				inside[i][1] += error <= Z95 * Math.sqrt(variance[k]) ? 1 : 0;
			}
		}
		for (int i = 0; i < steps.length; i++) {
			double c80 = (double) inside[i][0] / SERIES;
			double c95 = (double) inside[i][1] / SERIES;
			System.out.printf("theta %s, step %d: coverage 80%% %.3f, 95%% %.3f%n", seasonal ? "seasonal" : "level",
					steps[i], c80, c95);
			assertThat(c80).as("80%% at step %d", steps[i]).isBetween(0.74, 0.86);
			assertThat(c95).as("95%% at step %d", steps[i]).isBetween(0.89, 0.99);
		}
	}

	private static FittedModel constant(double value, double variance) {
		return new FittedModel() {

			@Override
			public String name() {
				return "constant";
			}

			@Override
			public double[] forecast(int horizon) {
				return java.util.stream.DoubleStream.generate(() -> value).limit(horizon).toArray();
			}

			@Override
			public double[] forecastVariance(int horizon) {
				return java.util.stream.DoubleStream.generate(() -> variance).limit(horizon).toArray();
			}

			@Override
			public double[] fitted() {
				return new double[] { value };
			}

			@Override
			public double aicc() {
				return Double.NaN;
			}

			@Override
			public Map<String, Object> parameters() {
				return Map.of();
			}

		};
	}

}
