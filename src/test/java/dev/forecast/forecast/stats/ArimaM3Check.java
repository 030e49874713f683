package dev.forecast.forecast.stats;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.sun.management.OperatingSystemMXBean;

/**
 * Scratch harness, not a test: fits {@link AutoArima} to the training part of each M3
 * series (period = its frequency), forecasts its horizon and prints the mean sMAPE per
 * period and overall with wall and CPU time. Run with the test classpath:
 * {@code java -cp target/classes:target/test-classes:<hipparchus jars> dev.forecast.forecast.stats.ArimaM3Check
 * [m3.csv] [threads] [every-kth-series] [per-series.csv]}.
 */
public final class ArimaM3Check {

	private ArimaM3Check() {
	}

	public static void main(String[] args) throws Exception {
		Path csv = Path.of(args.length > 0 ? args[0] : "/work/shared/data/m3/m3.csv");
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
		int every = args.length > 2 ? Integer.parseInt(args[2]) : 1;
		List<EtsM3Check.Series> all = EtsM3Check.read(csv);
		List<EtsM3Check.Series> series = new ArrayList<>();
		for (int i = 0; i < all.size(); i += every) {
			series.add(all.get(i));
		}
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long cpu0 = os.getProcessCpuTime();
		long wall0 = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<double[]>> results = new ArrayList<>();
		for (EtsM3Check.Series s : series) {
			results.add(pool.submit(() -> score(s)));
		}
		Map<String, double[]> sums = new TreeMap<>();
		Map<String, Integer> models = new TreeMap<>();
		double total = 0;
		for (int i = 0; i < series.size(); i++) {
			double[] r = results.get(i).get();
			sums.computeIfAbsent(series.get(i).period(), k -> new double[2])[0] += r[0];
			sums.get(series.get(i).period())[1]++;
			total += r[0];
		}
		pool.shutdown();
		double wall = (System.nanoTime() - wall0) / 1e9;
		double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
		System.out.printf("ALL %.2f (%d series)%n", total / series.size(), series.size());
		sums.forEach((k, v) -> System.out.printf("%s %.2f (%d)%n", k, v[0] / v[1], (int) v[1]));
		System.out.printf("wall %.1f s, cpu %.1f s, threads %d%n", wall, cpu, threads);
		if (args.length > 3) {
			List<String> lines = new ArrayList<>();
			for (int i = 0; i < series.size(); i++) {
				lines.add(series.get(i).id() + "," + MODELS.get(series.get(i).id()) + "," + results.get(i).get()[0]);
			}
			Files.write(Path.of(args[3]), lines);
		}
	}

	private static final Map<String, String> MODELS = new java.util.concurrent.ConcurrentHashMap<>();

	private static double[] score(EtsM3Check.Series s) {
		FittedModel model = AutoArima.fit(s.train(), s.frequency());
		double[] f = model.forecast(s.h());
		MODELS.put(s.id(), model.name());
		double sum = 0;
		for (int i = 0; i < s.h(); i++) {
			double denominator = Math.abs(s.test()[i]) + Math.abs(f[i]);
			sum += denominator == 0 ? 0 : 200 * Math.abs(s.test()[i] - f[i]) / denominator;
		}
		return new double[] { sum / s.h() };
	}

}
