package dev.forecast.model.training;

import java.util.List;
import java.util.Optional;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.jvm.JvmForward;
import org.nd4j.linalg.activations.Activation;

/**
 * Whether the JVM forward pass, the only way the service serves forecasts, will cover the
 * network of a spec, decided from the spec alone (configuring the network would load
 * ND4J): every hidden layer must be built as a layer the pass compiles and use an
 * activation it computes. The output layer (dense, identity), the cropping after a causal
 * convolution and batch normalization are always covered.
 */
public final class Servability {

	private Servability() {
	}

	/**
	 * Why the JVM pass could not serve {@code spec}'s network, naming the field, or empty
	 * when it can.
	 */
	public static Optional<Refusal> refusal(TrainSpec spec) {
		List<TrainSpec.Layer> layers = Networks.layers(spec);
		String prefix = (spec.layers() != null && !spec.layers().isEmpty()) ? "layers[%d]." : null;
		for (int i = 0; i < layers.size(); i++) {
			TrainSpec.Layer layer = layers.get(i);
			String at = prefix != null ? String.format(prefix, i) : "model.";
			var type = HiddenLayers.TYPES.get(layer.type());
			if (type == null || !JvmForward.covers(type)) {
				return Optional.of(new Refusal(prefix != null ? at + "type" : "model",
						"the JVM forward pass that serves forecasts has no " + layer.type() + " layer"));
			}
			Activation activation = HiddenLayers.activation(layer);
			if (!JvmForward.covers(activation.getActivationFunction())) {
				return Optional.of(new Refusal(prefix != null ? at + "activation" : "model",
						"the JVM forward pass that serves forecasts does not compute the "
								+ activation.name().toLowerCase() + " activation"));
			}
		}
		return Optional.empty();
	}

	/** A field of the spec and why the JVM pass could not serve it. */
	public record Refusal(String field, String reason) {
	}

}
