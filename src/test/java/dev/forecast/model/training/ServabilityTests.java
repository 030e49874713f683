package dev.forecast.model.training;

import java.util.List;

import dev.forecast.model.Specs;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.Predictor;
import dev.forecast.model.serving.TrainedModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec-level check agrees with the JVM pass: every named model and every activation
 * it accepts compiles to a predictor; a layer type without a JVM stage is refused naming
 * its field.
 */
class ServabilityTests {

	@Test
	void everyNamedModelAndActivationIsServedAndCompilesOnTheJvm() {
		for (String model : Networks.names()) {
			TrainSpec spec = Specs.tiny(model);
			assertThat(Servability.refusal(spec)).as(model).isEmpty();
			assertThat(Predictor.of(trained(spec))).as(model).isNotNull();
		}
		for (String activation : Networks.activations()) {
			TrainSpec spec = Specs.withLayers(Specs.tiny("lstm"),
					List.of(new TrainSpec.Layer("rnn", 3, null, null, null, activation, false),
							TrainSpec.Layer.dense(3, activation)));
			assertThat(Servability.refusal(spec)).as(activation).isEmpty();
			assertThat(Predictor.of(trained(spec))).as(activation).isNotNull();
		}
	}

	@Test
	void aLayerTheJvmPassHasNoStageForIsRefused() {
		TrainSpec spec = Specs.withLayers(Specs.tiny("lstm"), List.of(TrainSpec.Layer.dense(3, "relu"),
				new TrainSpec.Layer("attention", 3, null, null, null, null, null)));
		assertThat(Servability.refusal(spec)).hasValue(new Servability.Refusal("layers[1].type",
				"the JVM forward pass that serves forecasts has no attention layer"));
	}

	private static TrainedModel trained(TrainSpec spec) {
		return new TrainedModel(Trainer.setup(spec, TrainedModelTests.sine(60)).network(), spec.model(),
				new dev.forecast.model.Scaler("zscore", 0, 1), spec.window(), spec.horizon(),
				Networks.sequenceInput(spec), "");
	}

}
