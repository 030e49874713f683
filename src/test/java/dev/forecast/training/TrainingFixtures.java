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

	/**
	 * Uploads a collection of five monthly members from {@code shortest} to
	 * {@code longest} points, each on its own scale (1 to 10,000), and returns its id.
	 */
	public static long uploadCollection(TestHttp http, String name, int shortest, int longest) {
		StringBuilder csv = new StringBuilder("unique_id,ds,y\n");
		for (int m = 0; m < 5; m++) {
			int length = shortest + (longest - shortest) * m / 4;
			double scale = Math.pow(10, m);
			for (int i = 0; i < length; i++) {
				double value = scale * (5 + Math.sin(i * 2 * Math.PI / 12) + 0.3 * ((i * 7 + m) % 5) / 5.0);
				csv.append(String.format(Locale.ROOT, "m%d,%d-%02d-01,%.4f%n", m, 2000 + i / 12, i % 12 + 1, value));
			}
		}
		TestHttp.Response created = http.postCsv("/collections?name=" + name, csv.toString());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	/**
	 * A tiny global spec for a collection: a dense network over windows of 12 emitting 3
	 * steps, {@code epochs} epochs, no early stopping.
	 */
	public static String collectionSpec(long collection, int epochs) {
		return "{\"collection\":" + collection + ",\"model\":\"dense\",\"units\":8,\"window\":12,\"horizon\":3,"
				+ "\"epochs\":" + epochs + ",\"batchSize\":32,\"optimizer\":{\"type\":\"adam\",\"learningRate\":0.01},"
				+ "\"earlyStopping\":{\"patience\":0}}";
	}

}
