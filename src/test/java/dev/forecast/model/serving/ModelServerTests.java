package dev.forecast.model.serving;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

import dev.forecast.model.training.TrainedModelTests;
import dev.forecast.model.training.Trainer;
import dev.forecast.model.training.TrainingMonitor;
import dev.forecast.model.training.ValidationResiduals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class ModelServerTests {

	private static TrainedModel model;

	private static Predictor predictor;

	private static double[] series;

	private static ModelServer server;

	@BeforeAll
	static void train() {
		series = TrainedModelTests.sine(240);
		model = Trainer.train(TrainedModelTests.tiny("conv_lstm", 3, "huber", "adam"), series, TrainingMonitor.NONE, "")
			.model();
		predictor = Predictor.of(model);
		server = new ModelServer(2, 1000, Executors.defaultThreadFactory());
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void beyondItsHorizonAModelFeedsItsOwnForecastsBack() {
		double[] history = Arrays.copyOf(series, 200);
		double[] forecast = predictor.forecast(new double[][] { history }, 7)[0];
		double[] buffer = Arrays.copyOf(history, 209);
		int length = 200;
		while (length < 207) {
			double[] next = predictor.predict(Arrays.copyOf(buffer, length));
			System.arraycopy(next, 0, buffer, length, 3);
			length += 3;
		}
		assertThat(forecast).containsExactly(Arrays.copyOfRange(buffer, 200, 207));
		assertThat(Arrays.copyOf(forecast, 3)).containsExactly(predictor.predict(history));
	}

	@Test
	void residualsAndTrainedPointsSurviveStorage() {
		float[][] residuals = ValidationResiduals.compute(model, series, 24, 10);
		assertThat(residuals).hasNumberOfRows(10);
		assertThat(residuals[0]).hasSize(24);
		assertThat(residuals[9]).hasSize(15).isSorted();
		TrainedModel restored = ModelCodec.decode(ModelCodec.encode(model.withResiduals(residuals, 216)));
		assertThat(restored.residuals()).isDeepEqualTo(residuals);
		assertThat(restored.trainedPoints()).isEqualTo(216);
		assertThat(ModelCodec.decode(ModelCodec.encode(model)).residuals()).isEmpty();
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
	void concurrentForecastsEqualTheSingleThreadedOnesExactly() throws Exception {
		ServedModel served = ServedModel.of(model, server);
		double[][] expected = new double[24][];
		for (int i = 0; i < expected.length; i++) {
			expected[i] = predictor.forecast(new double[][] { Arrays.copyOf(series, 200 + i) }, 12)[0];
		}
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			List<Future<double[]>> answers = new ArrayList<>();
			for (int round = 0; round < 10; round++) {
				for (int i = 0; i < expected.length; i++) {
					double[] history = Arrays.copyOf(series, 200 + i);
					answers.add(clients.submit(() -> served.forecast(history, 12)));
				}
			}
			for (int j = 0; j < answers.size(); j++) {
				assertThat(answers.get(j).get()).as("answer %d", j).containsExactly(expected[j % expected.length]);
			}
		}
		finally {
			clients.shutdown();
		}
	}

	/**
	 * One inference thread held at its start, one forecast waiting in a queue of one: a
	 * third is refused at once, and the held ones are answered once the thread runs.
	 */
	@Test
	void aForecastBeyondTheQueueIsRefusedAtOnce() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(1);
		ThreadFactory held = task -> new Thread(() -> {
			started.countDown();
			try {
				gate.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			task.run();
		});
		ModelServer small = new ModelServer(1, 1, held);
		ExecutorService clients = Executors.newFixedThreadPool(2);
		try {
			double[][] history = { Arrays.copyOf(series, 200) };
			Future<double[][]> running = clients.submit(() -> small.forecast(predictor, history, 3));
			started.await();
			Future<double[][]> queued = clients.submit(() -> small.forecast(predictor, history, 3));
			await().until(() -> small.waiting() == 1);
			assertThatExceptionOfType(ModelServer.Busy.class).isThrownBy(() -> small.forecast(predictor, history, 3))
				.withMessage("all 1 inference threads are busy and 1 forecasts are already waiting "
						+ "(forecast.neural.queue-size)");
			gate.countDown();
			double[] expected = predictor.forecast(history, 3)[0];
			assertThat(running.get()[0]).containsExactly(expected);
			assertThat(queued.get()[0]).containsExactly(expected);
		}
		finally {
			gate.countDown();
			clients.shutdown();
			small.close();
		}
		assertThatIllegalStateException().isThrownBy(() -> small.forecast(predictor, new double[][] { series }, 1))
			.withMessage("the inference threads are shut down");
	}

}
