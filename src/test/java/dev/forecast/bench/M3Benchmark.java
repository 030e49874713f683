package dev.forecast.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The Java side of {@code bench/m3.sh}: uploads the M3 training parts to a running
 * service ({@code POST /series}), forecasts each series at its competition horizon with
 * each method ({@code GET /forecast}, a few concurrent clients), scores the forecasts
 * against the test parts with the competition's sMAPE and prints them beside the original
 * participants' scores on the same series. Arguments:
 * {@code --base URL --data DIR [--methods a,b] [--clients N] [--every N]
 * [--period P,Q] [--warmup N]}. Methods are given by name, optionally with parameters
 * ({@code moving_average&window=3}).
 */
public final class M3Benchmark {

	private M3Benchmark() {
	}

	/**
	 * One method's run: its scores, wall time, and the series it failed on with their
	 * errors.
	 */
	record Run(String method, SmapeTable scores, double seconds, Map<String, String> failures) {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		Path data = Path.of(options.getOrDefault("data", "../shared/data/m3"));
		M3Client client = new M3Client(options.getOrDefault("base", "http://127.0.0.1:8080"));
		List<String> methods = List
			.of(options.getOrDefault("methods", "naive,seasonal_naive,theta,ets,arima,auto").split(","));
		int clients = Integer.parseInt(options.getOrDefault("clients", "4"));
		int every = Integer.parseInt(options.getOrDefault("every", "1"));
		List<String> periods = periods(options.getOrDefault("period", SmapeTable.ALL));

		List<M3Data.Series> all = M3Data.series(data.resolve("m3.csv"));
		List<M3Data.Series> series = new ArrayList<>();
		for (int i = 0; i < all.size(); i += every) {
			if (periods.contains(all.get(i).period())) {
				series.add(all.get(i));
			}
		}
		if (series.isEmpty()) {
			throw new IllegalArgumentException("no series of " + periods + " in " + data.resolve("m3.csv"));
		}
		Map<String, M3Data.Series> byId = new LinkedHashMap<>();
		series.forEach(s -> byId.put(s.id(), s));
		Map<String, SmapeTable> participants = score(M3Data.participants(data.resolve("m3_participants.csv"), byId),
				byId);

		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			long[] ids = upload(pool, clients, client, series);
			warmUp(pool, client, series, ids, options.getOrDefault("warmup", "all"));

			List<Run> runs = new ArrayList<>();
			Map<String, String> unavailable = new LinkedHashMap<>();
			for (String method : methods) {
				M3Client.Answer probe = client.forecast(ids[0], method, series.get(0).horizon());
				if (probe.unknownMethod()) {
					unavailable.put(method, probe.error());
					System.out.printf("%s: not available%n", method);
					continue;
				}
				Run run = run(pool, method, series, i -> client.forecast(ids[i], method, series.get(i).horizon()));
				System.out.printf(Locale.ROOT, "%s: %d series in %.1f s, %d failed, sMAPE %.2f%n", method,
						series.size(), run.seconds(), run.failures().size(), run.scores().mean(SmapeTable.ALL));
				runs.add(run);
			}
			new M3Report(series.size(), clients).print(System.out, runs, participants, unavailable);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static long[] upload(ExecutorService pool, int clients, M3Client client, List<M3Data.Series> series)
			throws Exception {
		long started = System.nanoTime();
		List<Future<Long>> uploads = new ArrayList<>();
		for (M3Data.Series one : series) {
			uploads.add(pool.submit(() -> client.upload(one)));
		}
		long[] ids = new long[series.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = uploads.get(i).get();
		}
		System.out.printf(Locale.ROOT, "uploaded %d series (%s) in %.1f s with %d clients%n", series.size(),
				M3Report.counts(series), (System.nanoTime() - started) / 1e9, clients);
		return ids;
	}

	/**
	 * Warms the JIT and PostgreSQL's cache for every method alike with a forecast no
	 * timed run asks for (the service caches fitted forecasts per method and parameters:
	 * warmed with naive, the naive run would time cache hits).
	 */
	private static void warmUp(ExecutorService pool, M3Client client, List<M3Data.Series> series, long[] ids,
			String count) throws Exception {
		int warmup = count.equals("all") ? series.size() : Math.min(series.size(), Integer.parseInt(count));
		long started = System.nanoTime();
		forecastAll(pool, warmup, i -> client.forecast(ids[i], "moving_average&window=1", series.get(i).horizon()));
		System.out.printf(Locale.ROOT, "warm-up: %d forecasts (moving_average, window 1) in %.1f s%n", warmup,
				(System.nanoTime() - started) / 1e9);
	}

	/**
	 * Forecasts every series with {@code forecast} on the pool and scores what comes
	 * back.
	 */
	static Run run(ExecutorService pool, String method, List<M3Data.Series> series,
			IntFunction<M3Client.Answer> forecast) throws Exception {
		long started = System.nanoTime();
		M3Client.Answer[] answers = forecastAll(pool, series.size(), forecast);
		double seconds = (System.nanoTime() - started) / 1e9;
		SmapeTable scores = new SmapeTable();
		Map<String, String> failures = new LinkedHashMap<>();
		for (int i = 0; i < answers.length; i++) {
			M3Data.Series one = series.get(i);
			if (answers[i].error() != null) {
				failures.put(one.id(), answers[i].error());
			}
			else {
				scores.add(one.period(), one.test(), answers[i].values());
			}
		}
		return new Run(method, scores, seconds, failures);
	}

	private static M3Client.Answer[] forecastAll(ExecutorService pool, int count, IntFunction<M3Client.Answer> forecast)
			throws Exception {
		List<Future<M3Client.Answer>> futures = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int index = i;
			futures.add(pool.submit(() -> forecast.apply(index)));
		}
		M3Client.Answer[] answers = new M3Client.Answer[count];
		for (int i = 0; i < count; i++) {
			answers[i] = futures.get(i).get();
		}
		return answers;
	}

	/**
	 * Each participant's scores over the given series (those it submitted forecasts for).
	 */
	static Map<String, SmapeTable> score(Map<String, Map<String, double[]>> forecasts,
			Map<String, M3Data.Series> series) {
		Map<String, SmapeTable> tables = new LinkedHashMap<>();
		forecasts.forEach((method, byId) -> {
			SmapeTable table = new SmapeTable();
			byId.forEach((id, steps) -> table.add(series.get(id).period(), series.get(id).test(), steps));
			tables.put(method, table);
		});
		return tables;
	}

	private static List<String> periods(String text) {
		List<String> periods = List.of(text.toUpperCase(Locale.ROOT).split(","));
		if (periods.contains(SmapeTable.ALL)) {
			return M3Data.PERIODS;
		}
		if (!M3Data.PERIODS.containsAll(periods)) {
			throw new IllegalArgumentException("--period takes ALL or some of " + M3Data.PERIODS + ", not " + text);
		}
		return periods;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i += 2) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		return options.entrySet()
			.stream()
			.filter(e -> !e.getValue().isBlank())
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b, LinkedHashMap::new));
	}

}
