package dev.forecast.model.training;

import java.util.concurrent.atomic.AtomicInteger;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.ModelCodec;
import dev.forecast.model.serving.Predictor;
import dev.forecast.model.serving.TrainedModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

public class TrainedModelTests {

	public static double[] sine(int n) {
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			values[i] = 50 + 30 * Math.sin(i * 2 * Math.PI / 24) + (i % 7);
		}
		return values;
	}

	public static TrainSpec tiny(String model, int horizon, String loss, String optimizer) {
		return TrainSpec.builder()
			.model(model)
			.units(8)
			.window(12)
			.horizon(horizon)
			.validation(24)
			.epochs(3)
			.batchSize(32)
			.seed(1)
			.prefetch(1)
			.normalization("zscore")
			.loss(loss)
			.optimizer(new TrainSpec.Optimizer(optimizer, 0.01, 0.9))
			.earlyStopping(new TrainSpec.EarlyStopping(0, 0, "valMae"))
			.build();
	}

	@Test
	void restoredModelPredictsTheSameValues() {
		double[] series = sine(200);
		TrainingResult result = Trainer.train(tiny("conv_lstm", 3, "huber", "adam"), series, TrainingMonitor.NONE,
				"{\"model\":\"conv_lstm\"}");
		TrainedModel model = result.model();
		double[] before = Predictor.of(model).predict(series);
		byte[] bytes = ModelCodec.encode(model);
		TrainedModel restored = ModelCodec.decode(bytes);
		assertThat(Predictor.of(restored).predict(series)).containsExactly(before);
		assertThat(before).hasSize(3);
		assertThat(restored.window()).isEqualTo(12);
		assertThat(restored.horizon()).isEqualTo(3);
		assertThat(restored.scaler()).isEqualTo(model.scaler());
		assertThat(restored.spec()).isEqualTo("{\"model\":\"conv_lstm\"}");
	}

	@Test
	void everyModelLossAndOptimizerTrainsAndKeepsTheBestEpoch() {
		double[] series = sine(160);
		String[][] combos = { { "lstm", "mse", "momentum" }, { "dense", "mae", "sgd" },
				{ "dense", "huber", "nesterov" } };
		for (String[] combo : combos) {
			TrainSpec spec = tiny(combo[0], 1, combo[1], combo[2]);
			TrainingResult result = Trainer.train(spec, series, TrainingMonitor.NONE, "");
			assertThat(result.curve()).hasSize(3);
			double bestMae = result.curve().stream().mapToDouble(EpochStats::valMae).min().orElseThrow();
			assertThat(result.valMae()).as("%s", (Object) combo)
				.isCloseTo(bestMae, org.assertj.core.api.Assertions.within(1e-3));
			assertThat(result.curve().get(result.bestEpoch() - 1).valMae()).isEqualTo(bestMae);
		}
	}

	@Test
	void stopsBeforeTheNextBatchWhenAsked() {
		AtomicInteger asked = new AtomicInteger();
		TrainingMonitor stopAfterTwoBatches = new TrainingMonitor() {
			@Override
			public boolean shouldStop() {
				return asked.incrementAndGet() > 2;
			}

			@Override
			public void onEpoch(EpochStats stats, int epochs) {
			}
		};
		TrainingResult result = Trainer.train(tiny("dense", 1, "mse", "adam"), sine(300), stopAfterTwoBatches, "");
		assertThat(result.stopped()).isTrue();
		assertThat(result.curve()).isEmpty();
		assertThat(result.model()).isNull();
		assertThat(asked.get()).isEqualTo(3);
	}

}
