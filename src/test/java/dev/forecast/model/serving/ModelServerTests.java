package dev.forecast.model.serving;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.training.TrainedModelTests;
import dev.forecast.model.training.Trainer;
import dev.forecast.model.training.TrainingMonitor;
import dev.forecast.model.training.ValidationResiduals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelServerTests {

	private static TrainedModel model;

	private static double[] series;

	private static ExecutorService inference;

	@BeforeAll
	static void train() {
		series = TrainedModelTests.sine(240);
		model = Trainer.train(TrainedModelTests.tiny("conv_lstm", 3, "huber", "adam"), series, TrainingMonitor.NONE, "")
			.model();
		inference = Executors.newFixedThreadPool(2);
	}

	@AfterAll
	static void stop() {
		inference.shutdown();
	}

	@Test
	void beyondItsHorizonAModelFeedsItsOwnForecastsBack() {
		double[] history = Arrays.copyOf(series, 200);
		double[] forecast = model.forecast(new double[][] { history }, 7)[0];
		double[] buffer = Arrays.copyOf(history, 209);
		int length = 200;
		while (length < 207) {
			double[] next = model.predict(Arrays.copyOf(buffer, length));
			System.arraycopy(next, 0, buffer, length, 3);
			length += 3;
		}
		assertThat(forecast).containsExactly(Arrays.copyOfRange(buffer, 200, 207));
		assertThat(Arrays.copyOf(forecast, 3)).containsExactly(model.predict(history));
	}

	@Test
	void residualsAndTrainedPointsSurviveStorage() {
		float[][] residuals = ValidationResiduals.compute(model, series, 24, 10);
		assertThat(residuals).hasNumberOfRows(10);
		assertThat(residuals[0]).hasSize(24);
		assertThat(residuals[9]).hasSize(15).isSorted();
		TrainedModel restored = TrainedModel.fromBytes(model.withResiduals(residuals, 216).toBytes());
		assertThat(restored.residuals()).isDeepEqualTo(residuals);
		assertThat(restored.trainedPoints()).isEqualTo(216);
		assertThat(TrainedModel.fromBytes(model.toBytes()).residuals()).isEmpty();
	}

	@Test
	void conformalHalfWidthsWidenWithTheHorizonAndTheLevel() {
		ConformalIntervals intervals = new ConformalIntervals(ValidationResiduals.compute(model, series, 24, 6));
		double[] at80 = intervals.halfWidths(0.8, 12);
		double[] at95 = intervals.halfWidths(0.95, 12);
		for (int k = 1; k < 12; k++) {
			assertThat(at80[k]).isGreaterThanOrEqualTo(at80[k - 1]);
			assertThat(at95[k]).isGreaterThanOrEqualTo(at80[k]);
		}
		assertThat(at80[11]).isEqualTo(at80[5] * Math.sqrt(12.0 / 6));
		// ceil((n + 1) * level)-th smallest of n = 9 errors 1..9: rank 8 at 80%, the
		// largest at 95%
		float[] sorted = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
		assertThat(ConformalIntervals.quantile(sorted, 0.8)).isEqualTo(8);
		assertThat(ConformalIntervals.quantile(sorted, 0.95)).isEqualTo(9);
	}

	@Test
	void withoutBatchingConcurrentForecastsEqualTheSingleThreadedOnesExactly() throws Exception {
		ModelServer server = new ModelServer(model.copy(), 2, 1, inference);
		assertConcurrentAnswers(server, singleThreaded(model, 24), 0);
	}

	/**
	 * Concurrent requests share passes; on the JVM every row of a batch is computed as a
	 * lone pass would.
	 */
	@Test
	void batchedConcurrentForecastsEqualTheSingleThreadedOnesExactly() throws Exception {
		assertThat(model.onJvm()).isTrue();
		ModelServer server = new ModelServer(model.copy(), 2, 64, inference);
		assertConcurrentAnswers(server, singleThreaded(model, 24), 0);
	}

	/**
	 * A network the JVM pass does not cover runs through DL4J, one network copy per
	 * instance. Shared passes can then differ from a lone pass in the last bit of float32
	 * (BLAS picks kernels by batch size), so answers must agree within 1e-4 normalized
	 * units.
	 */
	@Test
	void throughDl4jConcurrentForecastsEqualTheSingleThreadedOnesUpToFloatRounding() throws Exception {
		TrainedModel dl4j = new TrainedModel(JvmForwardTests.notOnTheJvm(12, 3), TrainSpec.CUSTOM, model.scaler(), 12,
				3, true, "");
		assertThat(dl4j.onJvm()).isFalse();
		ModelServer server = new ModelServer(dl4j.copy(), 2, 64, inference);
		assertConcurrentAnswers(server, singleThreaded(dl4j, 24), 1e-4 * model.scaler().scale());
	}

	private static double[][] singleThreaded(TrainedModel model, int origins) {
		double[][] expected = new double[origins][];
		for (int i = 0; i < origins; i++) {
			expected[i] = model.forecast(new double[][] { Arrays.copyOf(series, 200 + i) }, 12)[0];
		}
		return expected;
	}

	private static void assertConcurrentAnswers(ModelServer server, double[][] expected, double tolerance)
			throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			List<Future<double[]>> answers = new ArrayList<>();
			for (int round = 0; round < 10; round++) {
				for (int i = 0; i < expected.length; i++) {
					double[] history = Arrays.copyOf(series, 200 + i);
					answers.add(clients.submit(() -> server.forecast(history, 12)));
				}
			}
			for (int j = 0; j < answers.size(); j++) {
				double[] answer = answers.get(j).get();
				double[] wanted = expected[j % expected.length];
				if (tolerance == 0) {
					assertThat(answer).as("answer %d", j).containsExactly(wanted);
				}
				else {
					assertThat(answer).as("answer %d", j)
						.containsExactly(wanted, org.assertj.core.api.Assertions.within(tolerance));
				}
			}
		}
		finally {
			clients.shutdown();
		}
	}

}
