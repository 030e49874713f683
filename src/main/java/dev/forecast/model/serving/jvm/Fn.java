package dev.forecast.model.serving.jvm;

import java.util.Map;
import java.util.Optional;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftPlus;
import org.nd4j.linalg.activations.impl.ActivationSwish;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * The activation functions the service's networks use, as ND4J defines them with their
 * default parameters, computed in double precision and stored as floats.
 */
enum Fn {

	IDENTITY, RELU, TANH, SIGMOID, ELU, SELU, LEAKYRELU, SOFTPLUS, SWISH, GELU;

	private static final double SELU_ALPHA = 1.6732632423543772848170429916717;

	private static final double SELU_SCALE = 1.0507009873554804934193349852946;

	private static final double LEAKY_ALPHA = 0.01;

	/** ND4J's default GELU is the sigmoid approximation {@code x·σ(1.702x)}. */
	private static final double GELU_SIGMOID = 1.702;

	/**
	 * ND4J's activations with their default parameters (compared with {@code equals}).
	 */
	private static final Map<IActivation, Fn> ND4J = Map.of(new ActivationIdentity(), IDENTITY, new ActivationReLU(),
			RELU, new ActivationTanH(), TANH, new ActivationSigmoid(), SIGMOID, new ActivationELU(), ELU,
			new ActivationSELU(), SELU, new ActivationLReLU(), LEAKYRELU, new ActivationSoftPlus(), SOFTPLUS,
			new ActivationSwish(), SWISH, new ActivationGELU(), GELU);

	/**
	 * The function computing {@code activation}, if it is one of these with default
	 * parameters.
	 */
	static Optional<Fn> of(IActivation activation) {
		return Optional.ofNullable(ND4J.get(activation));
	}

	/** Applies the function to {@code a[from, to)} in place. */
	void apply(float[] a, int from, int to) {
		switch (this) {
			case IDENTITY -> {
			}
			case RELU -> {
				for (int i = from; i < to; i++) {
					a[i] = Math.max(a[i], 0f);
				}
			}
			case TANH -> {
				for (int i = from; i < to; i++) {
					a[i] = (float) tanh(a[i]);
				}
			}
			case SIGMOID -> {
				for (int i = from; i < to; i++) {
					a[i] = (float) sigmoid(a[i]);
				}
			}
			default -> {
				for (int i = from; i < to; i++) {
					a[i] = (float) of(a[i]);
				}
			}
		}
	}

	double of(double x) {
		return switch (this) {
			case IDENTITY -> x;
			case RELU -> Math.max(x, 0);
			case TANH -> tanh(x);
			case SIGMOID -> sigmoid(x);
			case ELU -> x > 0 ? x : Math.exp(x) - 1;
			case SELU -> SELU_SCALE * (x > 0 ? x : SELU_ALPHA * (Math.exp(x) - 1));
			case LEAKYRELU -> x > 0 ? x : LEAKY_ALPHA * x;
			case SOFTPLUS -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
			case SWISH -> x * sigmoid(x);
			case GELU -> x * sigmoid(GELU_SIGMOID * x);
		};
	}

	static double sigmoid(double x) {
		return 1 / (1 + Math.exp(-x));
	}

	/**
	 * {@code tanh} through {@link Math#exp}, which HotSpot compiles to an intrinsic
	 * ({@link Math#tanh} is not).
	 */
	static double tanh(double x) {
		double t = Math.exp(-2 * Math.abs(x));
		double r = (1 - t) / (1 + t);
		return x < 0 ? -r : r;
	}

}
