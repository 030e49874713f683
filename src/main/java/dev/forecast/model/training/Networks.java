package dev.forecast.model.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.WindowTransform;
import org.deeplearning4j.nn.api.OptimizationAlgorithm;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Network configurations. Every model is a list of hidden {@link TrainSpec.Layer}s (a
 * named model's preset, or the spec's explicit {@code layers}) followed by the output
 * layer with the loss; the common part (seed, optimizer, schedule, weight initialization,
 * regularization) is set here once. Sequence layers ({@code rnn}, {@code lstm},
 * {@code gru}, causal {@code conv1d}) read {@code [batch, 1, window]} in ND4J's NCW
 * layout (NWC fails in the convolution's backward pass); the last of them passes only its
 * last step on to the dense layers. A stack that starts with a dense layer reads
 * {@code [batch, window]}.
 */
public final class Networks {

	public static final Set<String> LAYER_TYPES = Set.of("dense", "rnn", "lstm", "gru", "conv1d");

	/**
	 * {@code nbeats}: blocks, fully connected layers per block, and forecast coefficients
	 * per block (at least the horizon).
	 */
	static final int NBEATS_BLOCKS = 4;

	static final int NBEATS_LAYERS = 3;

	static final int NBEATS_THETA = 8;

	private static final Map<String, WeightInit> INITS = Map.of("glorot", WeightInit.XAVIER, "he", WeightInit.RELU,
			"lecun", WeightInit.LECUN_NORMAL);

	private static final Map<String, Activation> ACTIVATIONS = new LinkedHashMap<>();

	private static final Map<String, Preset> PRESETS = new LinkedHashMap<>();

	/** A named model: its hidden layers for a width of {@code units}. */
	@FunctionalInterface
	interface Preset {

		List<TrainSpec.Layer> layers(int units);

	}

	static {
		PRESETS.put("conv_lstm",
				units -> List.of(TrainSpec.Layer.conv1d(units, 5, 1, 1, "relu", true),
						TrainSpec.Layer.recurrent("lstm", units, true), TrainSpec.Layer.recurrent("lstm", units, false),
						TrainSpec.Layer.dense(30, "relu"), TrainSpec.Layer.dense(10, "relu")));
		PRESETS.put("lstm", units -> List.of(TrainSpec.Layer.recurrent("lstm", units, true),
				TrainSpec.Layer.recurrent("lstm", units, false)));
		PRESETS.put("gru", units -> List.of(TrainSpec.Layer.recurrent("gru", units, true),
				TrainSpec.Layer.recurrent("gru", units, false)));
		PRESETS.put("rnn", units -> List.of(TrainSpec.Layer.recurrent("rnn", units, true),
				TrainSpec.Layer.recurrent("rnn", units, false)));
		PRESETS.put("conv1d",
				units -> List.of(TrainSpec.Layer.conv1d(units, 2, 1, 1, "relu", true),
						TrainSpec.Layer.conv1d(units, 2, 1, 2, "relu", true),
						TrainSpec.Layer.conv1d(units, 2, 1, 4, "relu", true),
						TrainSpec.Layer.conv1d(units, 2, 1, 8, "relu", false)));
		PRESETS.put("dense",
				units -> List.of(TrainSpec.Layer.dense(units, "relu"), TrainSpec.Layer.dense(units, "relu")));
		PRESETS.put("nbeats", units -> List.of(new TrainSpec.Layer("nbeats", units, null, null, null, "relu", null)));
		ACTIVATIONS.put("relu", Activation.RELU);
		ACTIVATIONS.put("tanh", Activation.TANH);
		ACTIVATIONS.put("sigmoid", Activation.SIGMOID);
		ACTIVATIONS.put("linear", Activation.IDENTITY);
		ACTIVATIONS.put("elu", Activation.ELU);
		ACTIVATIONS.put("selu", Activation.SELU);
		ACTIVATIONS.put("leakyrelu", Activation.LEAKYRELU);
		ACTIVATIONS.put("softplus", Activation.SOFTPLUS);
		ACTIVATIONS.put("swish", Activation.SWISH);
		ACTIVATIONS.put("gelu", Activation.GELU);
	}

	private Networks() {
	}

	/** The named models. */
	public static Set<String> names() {
		return PRESETS.keySet();
	}

	public static Set<String> inits() {
		return INITS.keySet();
	}

	public static Set<String> activations() {
		return ACTIVATIONS.keySet();
	}

	/** The activation of a name of {@link #activations()}, or {@code null}. */
	static Activation activationNamed(String name) {
		return ACTIVATIONS.get(name);
	}

	/**
	 * The hidden layers of {@code spec}: its explicit {@code layers}, else its model's.
	 */
	public static List<TrainSpec.Layer> layers(TrainSpec spec) {
		if (spec.layers() != null && !spec.layers().isEmpty()) {
			return spec.layers();
		}
		return preset(spec.model(), spec.units());
	}

	/** The hidden layers of a named model. */
	public static List<TrainSpec.Layer> preset(String model, int units) {
		Preset preset = PRESETS.get(model);
		if (preset == null) {
			throw new IllegalArgumentException("unknown model '" + model + "'");
		}
		return preset.layers(units);
	}

	/**
	 * {@code true}: input {@code [batch, 1, window]} (NCW); {@code false}:
	 * {@code [batch, window]}.
	 */
	public static boolean sequenceInput(TrainSpec spec) {
		return layers(spec).get(0).sequence();
	}

	/**
	 * The configuration of {@code spec}'s network; {@code iterationsPerEpoch} feeds
	 * learning-rate schedules.
	 */
	public static MultiLayerConfiguration configure(TrainSpec spec, int iterationsPerEpoch) {
		IUpdater updater = Optimizers.create(spec.optimizer(), Schedules.create(spec.schedule(),
				new Schedules.Context(spec.optimizer().learningRate(), iterationsPerEpoch, spec.epochs())));
		WeightInit init = INITS.get(spec.init());
		if (init == null) {
			throw new IllegalArgumentException("unknown init '" + spec.init() + "'");
		}
		TrainSpec.Regularization reg = spec.regularization();
		NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder().seed(spec.seed())
			.optimizationAlgo(OptimizationAlgorithm.STOCHASTIC_GRADIENT_DESCENT)
			.dataType(DataType.FLOAT)
			.updater(updater)
			.weightInit(init)
			.trainingWorkspaceMode(WorkspaceMode.ENABLED)
			.inferenceWorkspaceMode(WorkspaceMode.ENABLED);
		if (reg.l1() > 0) {
			base.l1(reg.l1());
		}
		if (reg.l2() > 0) {
			base.l2(reg.l2());
		}
		if (reg.clipValue() != null) {
			base.gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
				.gradientNormalizationThreshold(reg.clipValue());
		}
		else if (reg.clipNorm() != null) {
			base.gradientNormalization(GradientNormalization.ClipL2PerLayer)
				.gradientNormalizationThreshold(reg.clipNorm());
		}
		List<TrainSpec.Layer> layers = layers(spec);
		NeuralNetConfiguration.ListBuilder list = base.list();
		long time = spec.inputLength();
		for (int i = 0; i < layers.size(); i++) {
			time = HiddenLayers.add(list, spec, i, time);
		}
		OutputLayer.Builder output = new OutputLayer.Builder(Losses.create(spec.loss())).nOut(spec.horizon())
			.activation(Activation.IDENTITY);
		if (WindowTransform.WINDOW.equals(spec.normalization())) {
			// an output of 0 is the naive forecast (or the window's mean difference):
			// start there
			output.weightInit(WeightInit.ZERO);
		}
		list.layer(HiddenLayers.regularize(output, reg, layers.size(), 0).build());
		InputType input = layers.get(0).sequence() ? InputType.recurrent(1, spec.inputLength(), RNNFormat.NCW)
				: InputType.feedForward(spec.inputLength());
		return list.setInputType(input).build();
	}

}
