package dev.forecast.forecast.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scratch check (not a test) of combinations of {@link Ets}, {@link AutoArima} and
 * {@link Theta} on the M3 competition: fits each member on every series' training part,
 * forecasts its horizon and prints the mean sMAPE per period of each member and of their
 * mean and median. Run after {@code ./mvnw test-compile} as {@link EtsM3Check} is run.
 */
final class CombinationM3Check {

	private static final String[] NAMES = { "ets", "arima", "theta", "mean(e,a,t)", "median(e,a,t)", "mean(e,t)",
			"mean(a,t)", "mean(e,a)" };

	private CombinationM3Check() {
	}

	public static void main(String[] args) throws Exception {
		int threads = (args.length > 0) ? Integer.parseInt(args[0]) : 2;
		Path csv = Path.of((args.length > 1) ? args[1] : "../shared/data/m3/m3.csv");
		List<EtsM3Check.Series> all = EtsM3Check.read(csv);
		long t0 = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<double[]>> results = new ArrayList<>();
		for (EtsM3Check.Series s : all) {
			results.add(pool.submit(() -> score(s)));
		}
		Map<String, double[][]> byPeriod = new TreeMap<>();
		double[] total = new double[NAMES.length];
		for (int i = 0; i < all.size(); i++) {
			double[] r = results.get(i).get();
			double[][] acc = byPeriod.computeIfAbsent(all.get(i).period(), (k) -> new double[NAMES.length + 1][1]);
			for (int m = 0; m < NAMES.length; m++) {
				acc[m][0] += r[m];
				total[m] += r[m];
			}
			acc[NAMES.length][0]++;
		}
		pool.shutdown();
		for (int i = 0; i < NAMES.length; i++) {
			int m = i;
			StringBuilder line = new StringBuilder(String.format("%-14s ALL %.2f", NAMES[m], total[m] / all.size()));
			byPeriod.forEach((k, v) -> line
				.append(String.format("  %s %.2f", k, v[0][0] == 0 ? 0 : v[m][0] / v[NAMES.length][0])));
			System.out.println(line);
		}
		System.out.printf("wall %.1f s, %d threads%n", (System.nanoTime() - t0) / 1e9, threads);
	}

	static double[] score(EtsM3Check.Series s) {
		int h = s.h();
		double[] e = Ets.fit(s.train(), s.frequency(), null).forecast(h);
		double[] a = AutoArima.fit(s.train(), s.frequency()).forecast(h);
		double[] t = Theta.fit(s.train(), s.frequency()).forecast(h);
		double[][] f = new double[NAMES.length][h];
		for (int k = 0; k < h; k++) {
			double[] three = { e[k], a[k], t[k] };
			Arrays.sort(three);
			f[0][k] = e[k];
			f[1][k] = a[k];
			f[2][k] = t[k];
			f[3][k] = (e[k] + a[k] + t[k]) / 3;
			f[4][k] = three[1];
			f[5][k] = (e[k] + t[k]) / 2;
			f[6][k] = (a[k] + t[k]) / 2;
			f[7][k] = (e[k] + a[k]) / 2;
		}
		double[] out = new double[NAMES.length];
		for (int m = 0; m < NAMES.length; m++) {
			double sum = 0;
			for (int k = 0; k < h; k++) {
				double y = s.test()[k];
				sum += 200 * Math.abs(y - f[m][k]) / (Math.abs(y) + Math.abs(f[m][k]));
			}
			out[m] = sum / h;
		}
		return out;
	}

}
