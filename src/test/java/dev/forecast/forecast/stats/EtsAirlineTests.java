package dev.forecast.forecast.stats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/** Known answers of R's forecast 8.20 on the airline passengers, trained on 1949-1959. */
class EtsAirlineTests {

	@Test
	void choosesAndForecastsAsR() throws IOException {
		double[] all = airline();
		double[] train = Arrays.copyOf(all, 132);
		double[] test = Arrays.copyOfRange(all, 132, 144);

		FittedModel model = Ets.fit(train, 12, null);
		double[] mean = model.forecast(12);
		double[] variance = model.forecastVariance(12);

		assertThat(model.name()).isEqualTo("ETS(M,Ad,M)");
		assertThat(model.aicc()).isCloseTo(1250.51, withinPercentage(1));
		assertThat((double) model.parameters().get("alpha")).isCloseTo(0.758, withinPercentage(1));
		double mae = 0;
		for (int i = 0; i < 12; i++) {
			mae += Math.abs(test[i] - mean[i]) / 12;
		}
		assertThat(mae).isCloseTo(22.80, withinPercentage(1));
		assertThat(mean[0]).isCloseTo(411.91, withinPercentage(1));
		double sd = Math.sqrt(variance[0]);
		assertThat(mean[0] - 1.2815515655446004 * sd).isCloseTo(391.98, withinPercentage(1));
		assertThat(mean[0] + 1.2815515655446004 * sd).isCloseTo(431.85, withinPercentage(1));
		assertThat(mean[0] - 1.959963984540054 * sd).isCloseTo(381.43, withinPercentage(1));
		assertThat(mean[0] + 1.959963984540054 * sd).isCloseTo(442.40, withinPercentage(1));
	}

	static double[] airline() throws IOException {
		try (InputStream in = EtsAirlineTests.class.getResourceAsStream("/data/airline_passengers.csv")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return text.lines()
				.skip(1)
				.filter((line) -> !line.isBlank())
				.mapToDouble((line) -> Double.parseDouble(line.split(",")[1].trim()))
				.toArray();
		}
	}

}
