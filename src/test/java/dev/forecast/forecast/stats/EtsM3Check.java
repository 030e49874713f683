package dev.forecast.forecast.stats;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scratch check of {@link Ets} on the M3 competition (not a test): fits every series'
 * training part with its frequency as period, forecasts its horizon and prints the mean
 * sMAPE per period with the wall and CPU time. Run from the project directory after
 * {@code ./mvnw test-compile}: <pre>
 * java -cp target/classes:target/test-classes:$(hipparchus jars) dev.forecast.forecast.stats.EtsM3Check [threads] [csv] [spec]
 * </pre>
 */
final class EtsM3Check {

	private EtsM3Check() {
	}

	record Series(String id, String period, int frequency, int h, double[] train, double[] test) {
	}

	public static void main(String[] args) throws Exception {
		int threads = (args.length > 0) ? Integer.parseInt(args[0]) : 2;
		Path csv = Path.of((args.length > 1) ? args[1] : "/work/shared/data/m3/m3.csv");
		String spec = (args.length > 2) ? args[2] : null;
		List<Series> all = read(csv);
		long cpu0 = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
			.getProcessCpuTime();
		long t0 = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<double[]>> results = new ArrayList<>();
		for (Series s : all) {
			results.add(pool.submit(() -> score(s, spec)));
		}
		Map<String, double[]> byPeriod = new TreeMap<>();
		Map<String, Integer> models = new TreeMap<>();
		double total = 0;
		for (int i = 0; i < all.size(); i++) {
			double[] r = results.get(i).get();
			String period = all.get(i).period();
			byPeriod.computeIfAbsent(period, (k) -> new double[2]);
			byPeriod.get(period)[0] += r[0];
			byPeriod.get(period)[1]++;
			total += r[0];
		}
		pool.shutdown();
		double wall = (System.nanoTime() - t0) / 1e9;
		double cpu = (ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
			.getProcessCpuTime() - cpu0) / 1e9;
		System.out.printf("ets sMAPE ALL %.2f (%d series)%n", total / all.size(), all.size());
		byPeriod.forEach((k, v) -> System.out.printf("  %-9s %.2f (%d)%n", k, v[0] / v[1], (int) v[1]));
		System.out.printf("wall %.1f s, process CPU %.1f s, %d threads%n", wall, cpu, threads);
	}

	static double[] score(Series s, String spec) {
		FittedModel model = Ets.fit(s.train(), s.frequency(), spec);
		double[] f = model.forecast(s.h());
		double sum = 0;
		for (int i = 0; i < s.h(); i++) {
			double y = s.test()[i];
			sum += 200 * Math.abs(y - f[i]) / (Math.abs(y) + Math.abs(f[i]));
		}
		return new double[] { sum / s.h() };
	}

	static List<Series> read(Path csv) throws IOException {
		Map<String, List<String[]>> rows = new LinkedHashMap<>();
		try (var lines = Files.lines(csv)) {
			lines.skip(1).forEach((line) -> {
				String[] c = line.split(",");
				rows.computeIfAbsent(c[0], (k) -> new ArrayList<>()).add(c);
			});
		}
		List<Series> series = new ArrayList<>();
		for (var e : rows.entrySet()) {
			List<String[]> r = e.getValue();
			String[] first = r.get(0);
			int n = Integer.parseInt(first[3]);
			int h = Integer.parseInt(first[4]);
			double[] train = new double[n];
			double[] test = new double[h];
			for (String[] c : r) {
				int step = Integer.parseInt(c[9]);
				double v = Double.parseDouble(c[10]);
				if ("train".equals(c[8])) {
					train[step - 1] = v;
				}
				else {
					test[step - n - 1] = v;
				}
			}
			series.add(new Series(e.getKey(), first[1], Integer.parseInt(first[5]), h, train, test));
		}
		return series;
	}

}
