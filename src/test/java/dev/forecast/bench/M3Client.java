package dev.forecast.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code bench/m3.sh} asks the service, as a user would over HTTP: uploads and
 * forecasts.
 */
final class M3Client {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String base;

	M3Client(String base) {
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/**
	 * A forecast, or why there is none: {@code error} holds the status and the problem's
	 * detail, and {@code unknownMethod} says the service answered that it has no such
	 * method.
	 */
	record Answer(double[] values, String error, boolean unknownMethod) {

		static Answer failed(String error) {
			return new Answer(null, error, false);
		}

	}

	/**
	 * {@code POST /series} of the training part as JSON (start, frequency, values), named
	 * {@code m3-<id>}; returns the new series' id.
	 */
	long upload(M3Data.Series series) throws IOException, InterruptedException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "m3-" + series.id());
		body.put("start", series.start());
		body.put("frequency", series.calendar());
		body.put("values", series.train());
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/series"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IOException(
					"POST /series of " + series.id() + ": " + response.statusCode() + " " + response.body());
		}
		JsonNode answer = JSON.readTree(response.body());
		String frequency = answer.path("frequency").asString("");
		if (!frequency.equals(series.calendar()) || answer.path("length").asInt() != series.train().length) {
			throw new IOException("the service stored " + series.id() + " as " + response.body());
		}
		return answer.path("id").asLong();
	}

	/**
	 * {@code GET /forecast?series=&method=&horizon=}: the forecast values, or why there
	 * are none. {@code method} may carry parameters: {@code moving_average&window=3}.
	 */
	Answer forecast(long id, String method, int horizon) {
		HttpResponse<String> response;
		try {
			URI uri = URI.create(this.base + "/forecast?series=" + id + "&method=" + method + "&horizon=" + horizon);
			response = this.http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | IllegalArgumentException ex) {
			return Answer.failed(ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Answer.failed("interrupted");
		}
		try {
			JsonNode answer = JSON.readTree(response.body());
			if (response.statusCode() != 200) {
				boolean unknown = response.statusCode() == 400 && answer.path("errors")
					.valueStream()
					.anyMatch(e -> e.path("field").asString("").equals("method"));
				return new Answer(null, response.statusCode() + " " + answer.path("detail").asString(response.body()),
						unknown);
			}
			double[] values = answer.path("points")
				.valueStream()
				.mapToDouble(p -> p.path("v").asDouble(Double.NaN))
				.toArray();
			if (values.length != horizon || Arrays.stream(values).anyMatch(v -> !Double.isFinite(v))) {
				return Answer.failed("200 but " + values.length + " points for horizon " + horizon + " or a value that "
						+ "is not a number: " + abbreviate(response.body()));
			}
			return new Answer(values, null, false);
		}
		catch (RuntimeException ex) {
			return Answer.failed(response.statusCode() + " " + abbreviate(response.body()));
		}
	}

	private static String abbreviate(String text) {
		return text.length() <= 300 ? text : text.substring(0, 300) + "...";
	}

}
