package dev.forecast.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java side of {@code bench/collections.sh}: the training parts of the 3003 M3 series
 * as one long table ({@code unique_id,ds,y}) sent in one {@code POST /collections}, then
 * the theta forecast of every member in one {@code GET /collections/{id}/forecast} (CSV,
 * horizon 18, each series scored on its competition horizon), a sample of members checked
 * against single {@code GET /forecast} calls, and the sMAPE against the test parts beside
 * the original THETA's; then the backtest of every member aggregated ({@code GET
 * /collections/{id}/evaluation}) with its wall time. Arguments:
 * {@code --base URL --data DIR [--method theta]
 * [--check-every 30]}.
 */
public final class CollectionsBenchmark {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	static final int HORIZON = 18;

	private CollectionsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		String base = options.getOrDefault("base", "http://127.0.0.1:8080");
		Path data = Path.of(options.getOrDefault("data", "../shared/data/m3"));
		String method = options.getOrDefault("method", "theta");
		int checkEvery = Integer.parseInt(options.getOrDefault("check-every", "30"));

		List<M3Data.Series> series = M3Data.series(data.resolve("m3.csv"));
		Map<String, M3Data.Series> byId = new LinkedHashMap<>();
		series.forEach(s -> byId.put(s.id(), s));
		String csv = longTable(series);
		System.out.printf(Locale.ROOT, "long table: %d series, %d rows, %.1f MB%n", series.size(),
				csv.lines().count() - 1, csv.length() / 1e6);

		long started = System.nanoTime();
		HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/collections?name=m3"))
			.header("Content-Type", "text/csv")
			.timeout(Duration.ofMinutes(5))
			.POST(HttpRequest.BodyPublishers.ofString(csv))
			.build(), HttpResponse.BodyHandlers.ofString());
		double uploadSeconds = seconds(started);
		if (created.statusCode() != 201) {
			throw new IOException("POST /collections: " + created.statusCode() + " " + created.body());
		}
		JsonNode collection = JSON.readTree(created.body());
		long id = collection.path("id").asLong();
		System.out.printf(Locale.ROOT, "POST /collections: %d members in %.2f s (goal < 10 s)%n",
				collection.path("members").asInt(), uploadSeconds);

		started = System.nanoTime();
		Map<String, List<String[]>> rows = forecastCsv(
				base + "/collections/" + id + "/forecast?method=" + method + "&horizon=" + HORIZON + "&format=csv");
		double forecastSeconds = seconds(started);
		System.out.printf(Locale.ROOT,
				"GET /collections/%d/forecast?method=%s&horizon=%d: %d series in %.2f s " + "(goal < 30 s)%n", id,
				method, HORIZON, rows.size(), forecastSeconds);

		Map<String, Long> members = members(base, id);
		int checked = 0;
		int different = 0;
		int index = 0;
		for (Map.Entry<String, Long> member : members.entrySet()) {
			if (index++ % checkEvery != 0) {
				continue;
			}
			checked++;
			// another level set: a fit of its own, not the one the collection's call
			// cached
			JsonNode single = JSON.readTree(get(base + "/forecast?series=" + member.getValue() + "&method=" + method
					+ "&horizon=" + HORIZON + "&level=50,80,95"));
			if (!same(single, rows.get(member.getKey()))) {
				different++;
				System.out.println("different: " + member.getKey() + " " + single);
			}
		}
		System.out.printf("same numbers as GET /forecast: %d of %d sampled members (every %d-th)%n",
				checked - different, checked, checkEvery);

		started = System.nanoTime();
		JsonNode evaluation = JSON.readTree(
				get(base + "/collections/" + id + "/evaluation?methods=naive,seasonal_naive," + method + "&horizon=1"));
		System.out.printf(Locale.ROOT,
				"GET /collections/%d/evaluation (naive, seasonal_naive, %s; one step ahead "
						+ "over the last tenth of each series): %d series in %.2f s, best %s, wins %s%n",
				id, method, evaluation.path("evaluated").asInt(), seconds(started), evaluation.path("best").asString(),
				evaluation.path("wins"));
		evaluation.path("methods")
			.valueStream()
			.forEach(m -> System.out.printf(Locale.ROOT, "  %-15s mean sMAPE %.2f, median %.2f, mean MASE %.3f%n",
					m.path("method").asString(), m.path("smape").path("mean").asDouble(),
					m.path("smape").path("median").asDouble(), m.path("mase").path("mean").asDouble()));

		SmapeTable scores = new SmapeTable();
		rows.forEach((key, points) -> {
			M3Data.Series one = byId.get(key);
			double[] forecast = new double[one.horizon()];
			for (int k = 0; k < forecast.length; k++) {
				forecast[k] = Double.parseDouble(points.get(k)[2]);
			}
			scores.add(one.period(), one.test(), forecast);
		});
		SmapeTable theta = M3Benchmark.score(M3Data.participants(data.resolve("m3_participants.csv"), byId), byId)
			.get("THETA");
		System.out.println();
		System.out.println("| sMAPE | ALL | YEARLY | QUARTERLY | MONTHLY | OTHER |");
		System.out.println("| --- | --- | --- | --- | --- | --- |");
		System.out.println(row("collection " + method + " (" + scores.count(SmapeTable.ALL) + " series)", scores));
		System.out.println(row("THETA (M3 participant)", theta));
	}

	/** {@code --name value} pairs. */
	static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return options;
	}

	/** The training parts as {@code unique_id,ds,y} on each series' calendar. */
	static String longTable(List<M3Data.Series> series) {
		StringBuilder csv = new StringBuilder(1 << 22).append("unique_id,ds,y\n");
		for (M3Data.Series one : series) {
			LocalDate start = LocalDate.parse(one.start());
			int months = switch (one.frequency()) {
				case 4 -> 3;
				case 12 -> 1;
				default -> 12;
			};
			double[] train = one.train();
			for (int i = 0; i < train.length; i++) {
				csv.append(one.id()).append(',').append(start.plusMonths((long) months * i)).append(',');
				csv.append(train[i]).append('\n');
			}
		}
		return csv.toString();
	}

	private static Map<String, List<String[]>> forecastCsv(String url) throws IOException, InterruptedException {
		HttpResponse<InputStream> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		Map<String, List<String[]>> rows = new LinkedHashMap<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String header = in.readLine();
			if (response.statusCode() != 200) {
				throw new IOException("GET " + url + ": " + response.statusCode() + " " + header);
			}
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String[] fields = line.split(",", -1);
				rows.computeIfAbsent(fields[0], k -> new java.util.ArrayList<>()).add(fields);
			}
		}
		return rows;
	}

	private static Map<String, Long> members(String base, long id) throws IOException, InterruptedException {
		Map<String, Long> members = new LinkedHashMap<>();
		for (int page = 0;; page++) {
			JsonNode detail = JSON.readTree(get(base + "/collections/" + id + "?size=500&page=" + page));
			detail.path("members")
				.valueStream()
				.forEach(m -> members.put(m.path("id").asString(), m.path("series").asLong()));
			if (detail.path("members").size() < 500) {
				return members;
			}
		}
	}

	/**
	 * Whether the CSV rows hold exactly the values and 80%/95% intervals of the single
	 * forecast.
	 */
	private static boolean same(JsonNode single, List<String[]> rows) {
		JsonNode points = single.path("points");
		if (rows == null || points.size() != rows.size()) {
			return false;
		}
		for (int k = 0; k < rows.size(); k++) {
			JsonNode point = points.get(k);
			String[] row = rows.get(k);
			double[] expected = { point.path("v").asDouble(), point.path("intervals").path("80").get(0).asDouble(),
					point.path("intervals").path("80").get(1).asDouble(),
					point.path("intervals").path("95").get(0).asDouble(),
					point.path("intervals").path("95").get(1).asDouble() };
			if (!row[1].equals(point.path("t").asString())) {
				return false;
			}
			for (int i = 0; i < expected.length; i++) {
				if (Double.parseDouble(row[2 + i]) != expected[i]) {
					return false;
				}
			}
		}
		return true;
	}

	private static String get(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("GET " + url + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private static String row(String name, SmapeTable table) {
		StringBuilder row = new StringBuilder("| " + name + " | ").append(format(table.mean(SmapeTable.ALL)));
		for (String period : M3Data.PERIODS) {
			row.append(" | ").append(format(table.mean(period)));
		}
		return row.append(" |").toString();
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

}
