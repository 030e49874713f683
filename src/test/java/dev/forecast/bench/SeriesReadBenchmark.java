package dev.forecast.bench;

import java.util.Arrays;

import dev.forecast.series.Observations;
import dev.forecast.series.PointStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Reads a stored series back through the service's storage code
 * ({@link PointStore#readAll}) and, in the same run, the same values with a plain
 * {@code SELECT t, v ... ORDER BY t} from a scratch table, both into primitive arrays.
 * Prints the medians and their ratio. Run by {@code bench/ingest.sh}; arguments: JDBC
 * URL, user, series id, series length, scratch table.
 */
public final class SeriesReadBenchmark {

	private static final int WARMUP = 3;

	private static final int RUNS = 7;

	private SeriesReadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String url = args[0];
		String user = args[1];
		long seriesId = Long.parseLong(args[2]);
		long length = Long.parseLong(args[3]);
		String scratch = args[4];
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url, user, "");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.setFetchSize(10_000);
		PointStore store = new PointStore(jdbc);

		double[] service = new double[RUNS];
		double[] plain = new double[RUNS];
		for (int i = 0; i < WARMUP + RUNS; i++) {
			long t0 = System.nanoTime();
			Observations points = store.readAll(seriesId, length);
			long t1 = System.nanoTime();
			double[] values = selectValues(jdbc, scratch, (int) length);
			long t2 = System.nanoTime();
			if (points.size() != length || values.length != length
					|| Double.compare(points.values()[(int) length - 1], values[(int) length - 1]) != 0) {
				throw new IllegalStateException("the two reads disagree");
			}
			if (i >= WARMUP) {
				service[i - WARMUP] = (t1 - t0) / 1e6;
				plain[i - WARMUP] = (t2 - t1) / 1e6;
			}
		}
		double s = median(service);
		double p = median(plain);
		System.out.printf("read-back %d points: service storage %.1f ms, plain SELECT %.1f ms (medians of %d)%n",
				length, s, p, RUNS);
		System.out.printf("read-back ratio service/SELECT: %.2f (goal <= 2.0)%n", s / p);
	}

	private static double[] selectValues(JdbcTemplate jdbc, String table, int length) {
		long[] times = new long[length];
		double[] values = new double[length];
		int[] n = { 0 };
		jdbc.query("select t, v from " + table + " order by t", rs -> {
			times[n[0]] = rs.getTimestamp(1).getTime();
			values[n[0]++] = rs.getDouble(2);
		});
		return Arrays.copyOf(values, n[0]);
	}

	private static double median(double[] xs) {
		double[] sorted = xs.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
