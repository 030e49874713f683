package dev.forecast.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrainSpecBuilderTests {

	@Test
	void theDefaultsAreTheCoursesSunspotModel() {
		assertThat(TrainSpec.DEFAULTS).isEqualTo(new TrainSpec("conv_lstm", 60, 60, 1, 235, 60, 128, true, 42, 2,
				"window", "huber", TrainSpec.Optimizer.defaults("adam", 2e-3), new TrainSpec.Schedule("constant"),
				TrainSpec.Regularization.NONE, "glorot", new TrainSpec.EarlyStopping(10, 0.0, "valMae"), null));
	}

	@Test
	void aBuilderStartsFromTheDefaultsAndChangesOnlyWhatItNames() {
		TrainSpec spec = TrainSpec.builder().model("dense").window(24).epochs(3).build();

		assertThat(spec.model()).isEqualTo("dense");
		assertThat(spec.window()).isEqualTo(24);
		assertThat(spec.epochs()).isEqualTo(3);
		assertThat(spec.toBuilder().model("conv_lstm").window(60).epochs(60).build()).isEqualTo(TrainSpec.DEFAULTS);
	}

	@Test
	void toBuilderKeepsEveryComponent() {
		TrainSpec spec = TrainSpec.builder()
			.model(TrainSpec.CUSTOM)
			.layers(List.of(TrainSpec.Layer.dense(4, "relu")))
			.differencing("seasonal")
			.season(12)
			.shuffle(false)
			.seed(7)
			.build();

		assertThat(spec.toBuilder().build()).isEqualTo(spec);
		assertThat(spec.lag()).isEqualTo(12);
	}

}
