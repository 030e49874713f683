package dev.forecast.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The global-model part of {@code bench/collections.sh --neural}, through the service as
 * a user would: the training parts of the 1428 monthly M3 series in one
 * {@code POST /collections}, one {@code POST /train {"collection": id, "horizon": 18}}
 * with every other field at its default, the run followed to its end, then one {@code GET
 * /collections/{id}/forecast?method=neural&horizon=18} (the collection's run for every
 * member) scored against the test parts the service never saw, beside the M3
 * participants' monthly sMAPE. Arguments: {@code --base URL --data DIR}.
 */
public final class GlobalCollectionBenchmark {

	private static final JsonMapper JSON = CollectionsBenchmark.JSON;

	private static final HttpClient HTTP = CollectionsBenchmark.HTTP;

	private static final int HORIZON = CollectionsBenchmark.HORIZON;

	private GlobalCollectionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = CollectionsBenchmark.options(args);
		String base = options.getOrDefault("base", "http://127.0.0.1:8080");
		Path data = Path.of(options.getOrDefault("data", "../shared/data/m3"));
		List<M3Data.Series> monthly = M3Data.series(data.resolve("m3.csv"))
			.stream()
			.filter(s -> s.period().equals("MONTHLY"))
			.toList();
		Map<String, M3Data.Series> byId = new LinkedHashMap<>();
		monthly.forEach(s -> byId.put(s.id(), s));

		HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/collections?name=m3-monthly"))
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(CollectionsBenchmark.longTable(monthly))), 201);
		long collection = JSON.readTree(created.body()).path("id").asLong();
		System.out.printf("POST /collections: %d monthly series (training parts) as collection %d%n", monthly.size(),
				collection);

		long started = System.nanoTime();
		HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(base + "/train"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"collection\":" + collection + ",\"horizon\":" + HORIZON + "}")), 202);
		JsonNode run = JSON.readTree(accepted.body());
		long id = run.path("id").asLong();
		System.out.println("POST /train: run " + id + ", spec " + run.path("spec"));
		int shown = 0;
		while (true) {
			Thread.sleep(5000); // polling a remote job: nothing to await but its status
			run = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/runs/" + id)).GET(), 200).body());
			String status = run.path("status").asString();
			JsonNode curve = run.path("curve");
			for (; shown < curve.size(); shown++) {
				JsonNode epoch = curve.get(shown);
				System.out.printf(Locale.ROOT, "  epoch %s val scaled MAE %.4f (%.0f s since submit)%n",
						epoch.path("epoch"), epoch.path("valMae").asDouble(), seconds(started));
			}
			if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(status)) {
				System.out.printf(Locale.ROOT, "run %d %s after %.0f s (submit to end; load %.1f), metrics %s%n", id,
						status, seconds(started), load(), run.path("metrics"));
				if (!status.equals("SUCCEEDED")) {
					throw new IOException("run " + id + " " + status + ": " + run.path("error"));
				}
				break;
			}
		}

		started = System.nanoTime();
		String csv = send(HttpRequest
			.newBuilder(URI.create(
					base + "/collections/" + collection + "/forecast?method=neural&horizon=" + HORIZON + "&format=csv"))
			.GET(), 200).body();
		// rows come in time order per member
		Map<String, double[]> forecasts = new LinkedHashMap<>();
		Map<String, Integer> filled = new LinkedHashMap<>();
		csv.lines().skip(1).forEach(line -> {
			String[] fields = line.split(",", -1);
			int k = filled.merge(fields[0], 1, Integer::sum) - 1;
			forecasts.computeIfAbsent(fields[0], key -> new double[HORIZON])[k] = Double.parseDouble(fields[2]);
		});
		System.out.printf(Locale.ROOT, "GET /collections/%d/forecast?method=neural: %d members in %.1f s%n", collection,
				forecasts.size(), seconds(started));

		SmapeTable global = new SmapeTable();
		forecasts.forEach((key, forecast) -> global.add("MONTHLY", byId.get(key).test(), forecast));
		System.out.println("\n| method (M3 monthly, test parts) | MONTHLY |\n| --- | --- |");
		System.out.printf(Locale.ROOT, "| global neural run %d, service defaults (%d series) | %.2f |%n", id,
				global.count("MONTHLY"), global.mean("MONTHLY"));
		M3Benchmark.score(M3Data.participants(data.resolve("m3_participants.csv"), byId), byId)
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue((a, b) -> Double.compare(a.mean("MONTHLY"), b.mean("MONTHLY"))))
			.forEach(e -> System.out.printf(Locale.ROOT, "| %s | %.2f |%n", e.getKey(), e.getValue().mean("MONTHLY")));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, int expected)
			throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofMinutes(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IOException(response.request().method() + " " + response.request().uri() + ": "
					+ response.statusCode() + " " + response.body());
		}
		return response;
	}

	private static double load() {
		return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

}
