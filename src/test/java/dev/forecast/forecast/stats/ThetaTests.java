package dev.forecast.forecast.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;

import dev.forecast.support.SharedData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * Known answers of R forecast 8.20's {@code thetaf} on the airline passengers, 1949-1959
 * → 1960.
 */
class ThetaTests {

	static double[] airline() throws IOException {
		return Files.readAllLines(SharedData.AIRLINE)
			.stream()
			.skip(1)
			.filter(line -> !line.isBlank())
			.mapToDouble(line -> Double.parseDouble(line.split(",")[1]))
			.toArray();
	}

	@Test
	void airlinePassengersAsRsThetaf() throws IOException {
		double[] all = airline();
		double[] train = Arrays.copyOf(all, 132);

		FittedModel theta = Theta.fit(train, 12);
		double[] forecast = theta.forecast(12);
		System.out.printf("thetaf airline: first %.2f, MAE %.2f, %s %s%n", forecast[0],
				mae(forecast, Arrays.copyOfRange(all, 132, 144)), theta.name(), theta.parameters());

		assertThat(forecast[0]).isCloseTo(411.33, withinPercentage(1));
		assertThat(mae(forecast, Arrays.copyOfRange(all, 132, 144))).isCloseTo(26.33, withinPercentage(1));
		assertThat(theta.parameters()).containsEntry("seasonal", true);
		assertThat(theta.name()).startsWith("Theta");
		assertThat(theta.aicc()).isNaN();
		assertThat(theta.fitted()).hasSize(132);
	}

	@Test
	void theBaselinesOnTheSameSplitAreTheKnownOnes() throws IOException {
		double[] all = airline();
		double[] test = Arrays.copyOfRange(all, 132, 144);
		double[] naive = new double[12];
		double[] seasonal = Arrays.copyOfRange(all, 120, 132);
		Arrays.fill(naive, all[131]);

		assertThat(mae(naive, test)).isCloseTo(76.00, withinPercentage(1));
		assertThat(mae(seasonal, test)).isCloseTo(47.83, withinPercentage(1));
	}

	@Test
	void varianceGrowsAsSesDoesAndFollowsTheSeason() throws IOException {
		FittedModel theta = Theta.fit(Arrays.copyOf(airline(), 132), 12);
		double[] variance = theta.forecastVariance(13);
		double alpha = (Double) theta.parameters().get("alpha");

		// the same month a year later: SES's growth 1 + 12 alpha^2
		assertThat(variance[12] / variance[0]).isCloseTo(1 + 12 * alpha * alpha, withinPercentage(1e-9));
		// July (step 7), the high season, is wider than November (step 11) once the
		// growth is taken out
		assertThat(variance[6] / (1 + 6 * alpha * alpha)).isGreaterThan(variance[10] / (1 + 10 * alpha * alpha));
	}

	@Test
	void aStraightLineIsContinuedAtHalfItsSlopePlusTheSmoothedLevel() {
		double[] line = new double[20];
		for (int t = 0; t < line.length; t++) {
			line[t] = 10 + 2 * t;
		}
		FittedModel theta = Theta.fit(line, 1);

		// SES follows the line closely (alpha near 1), theta adds half the slope per step
		assertThat(theta.forecast(1)[0]).isBetween(48.0, 50.5);
		assertThat(theta.forecast(3)[2] - theta.forecast(3)[1]).isCloseTo(1.0, withinPercentage(1e-6));
		assertThat(theta.parameters()).containsEntry("seasonal", false);
	}

	@Test
	void shortAndConstantSeriesForecastWithoutSeason() {
		assertThat(Theta.fit(new double[] { 5, 5, 5 }, 12).forecast(2)).containsExactly(new double[] { 5, 5 },
				within(1e-9));
		assertThat(Theta.fit(new double[] { 1, 2, 4 }, 12).forecast(1)[0]).isFinite();
		assertThatIllegalArgumentException().isThrownBy(() -> Theta.fit(new double[] { 1 }, 1));
	}

	static double mae(double[] forecast, double[] actual) {
		double sum = 0;
		for (int i = 0; i < actual.length; i++) {
			sum += Math.abs(actual[i] - forecast[i]);
		}
		return sum / actual.length;
	}

}
