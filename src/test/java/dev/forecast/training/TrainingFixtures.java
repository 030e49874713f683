package dev.forecast.training;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.forecast.support.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** Small series and specs that train in seconds. */
public final class TrainingFixtures {

	private TrainingFixtures() {
	}

	/**
	 * Uploads a monthly series of {@code n} points (a noisy seasonal wave) and returns
	 * its id.
	 */
	public static long upload(TestHttp http, int n) {
		String values = IntStream.range(0, n)
			.mapToObj(i -> String.format(Locale.ROOT, "%.3f", 50 + 30 * Math.sin(i * 2 * Math.PI / 12) + (i * 7 % 5)))
			.collect(Collectors.joining(","));
		TestHttp.Response response = http.postJson("/series",
				"{\"name\":\"training-test\",\"start\":\"2000-01-31\",\"frequency\":\"MONTHLY\",\"values\":[" + values
						+ "]}");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

	/**
	 * A tiny spec: small window and network, {@code epochs} epochs, no early stopping.
	 */
	public static String tinySpec(long series, String model, int epochs) {
		return "{\"series\":" + series + ",\"model\":\"" + model + "\",\"units\":8,\"window\":12,\"validation\":24,"
				+ "\"epochs\":" + epochs + ",\"batchSize\":32,\"optimizer\":{\"type\":\"adam\",\"learningRate\":0.01},"
				+ "\"earlyStopping\":{\"patience\":0}}";
	}

}
