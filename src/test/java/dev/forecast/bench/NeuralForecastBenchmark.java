package dev.forecast.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.forecast.model.Nd4jThreads;
import dev.forecast.model.serving.ModelCodec;
import dev.forecast.model.serving.Predictor;
import dev.forecast.model.serving.TrainedModel;
import dev.forecast.series.PointStore;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The bare side of {@code bench/neural-forecast.sh}: restores each given run's model from
 * PostgreSQL and computes the same forecast the service answers (12 steps from the
 * series' last window) in a tight loop for the given seconds, with no HTTP, database,
 * cache or pool: one thread with one instance, then two threads with an instance each,
 * and (for a model whose horizon covers the steps: one pass) DL4J's own {@code output},
 * one thread. Prints one line per run and mode:
 * {@code bare <run> <1|2|dl4j> <calls/s> <p50 ms> <p99 ms>}. Arguments: JDBC URL, user,
 * seconds, steps, series id, run ids.
 */
public final class NeuralForecastBenchmark {

	private NeuralForecastBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String url = args[0];
		String user = args[1];
		int seconds = Integer.parseInt(args[2]);
		int steps = Integer.parseInt(args[3]);
		long series = Long.parseLong(args[4]);
		Nd4jThreads.configure(1);
		JdbcTemplate jdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), url, user, ""));
		for (int i = 5; i < args.length; i++) {
			long run = Long.parseLong(args[i]);
			byte[] bytes = jdbc.queryForObject("select bytes from training_model where run_id = ?", byte[].class, run);
			TrainedModel model = ModelCodec.decode(bytes);
			Predictor predictor = Predictor.of(model);
			long length = jdbc.queryForObject("select length from series where id = ?", Long.class, series);
			double[] history = new PointStore(jdbc).readTail(series, length, model.window()).values();
			double[][] input = { history };
			measure(run, "1", seconds, () -> predictor.forecast(input, steps));
			measure(run, "2", seconds, () -> predictor.forecast(input, steps), () -> predictor.forecast(input, steps));
			if (model.horizon() >= steps) {
				measure(run, "dl4j", seconds, dl4j(model, history));
			}
		}
	}

	/**
	 * The same one-pass forecast through DL4J's own {@code MultiLayerNetwork.output}, as
	 * serving ran it before the JVM pass (input and output in a workspace reused call
	 * after call): a reference for what the JVM pass saves.
	 */
	private static Runnable dl4j(TrainedModel model, double[] history) {
		float[] window = new float[model.transform().inputs(model.window())];
		int from = history.length - model.window();
		dev.forecast.model.WindowTransform.Stats stats = model.transform()
			.input(history, from, model.window(), window, 0);
		MultiLayerNetwork network = model.network();
		WorkspaceConfiguration reused = WorkspaceConfiguration.builder()
			.policyAllocation(AllocationPolicy.OVERALLOCATE)
			.policyLearning(LearningPolicy.FIRST_LOOP)
			.policySpill(SpillPolicy.REALLOCATE)
			.build();
		return () -> {
			try (MemoryWorkspace workspace = Nd4j.getWorkspaceManager().getAndActivateWorkspace(reused, "BENCH")) {
				INDArray input = Nd4j.create(window, new long[] { 1, 1, window.length }, 'c');
				float[] out = network.output(input, false, null, null, workspace).toFloatVector();
				model.transform().restore(history, from, model.window(), out, 0, out.length, stats);
			}
		};
	}

	private static void measure(long run, String mode, int seconds, Runnable... loops) throws InterruptedException {
		for (Runnable loop : loops) {
			for (int i = 0; i < 20; i++) {
				loop.run();
			}
		}
		AtomicBoolean stop = new AtomicBoolean();
		List<long[]> samples = new ArrayList<>();
		int[] counts = new int[loops.length];
		Thread[] threads = new Thread[loops.length];
		for (int t = 0; t < loops.length; t++) {
			long[] latencies = new long[2_000_000];
			samples.add(latencies);
			Runnable loop = loops[t];
			int index = t;
			threads[t] = new Thread(() -> {
				int n = 0;
				while (!stop.get() && n < latencies.length) {
					long start = System.nanoTime();
					loop.run();
					latencies[n++] = System.nanoTime() - start;
				}
				counts[index] = n;
			});
		}
		long started = System.nanoTime();
		for (Thread thread : threads) {
			thread.start();
		}
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		for (Thread thread : threads) {
			thread.join();
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		int total = Arrays.stream(counts).sum();
		long[] all = new long[total];
		int at = 0;
		for (int t = 0; t < loops.length; t++) {
			System.arraycopy(samples.get(t), 0, all, at, counts[t]);
			at += counts[t];
		}
		Arrays.sort(all);
		System.out.printf(Locale.ROOT, "bare %d %s %.1f %.2f %.2f%n", run, mode, total / elapsed, all[total / 2] / 1e6,
				all[Math.min(total - 1, (int) (total * 0.99))] / 1e6);
	}

}
