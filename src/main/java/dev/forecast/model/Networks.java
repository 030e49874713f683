package dev.forecast.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.deeplearning4j.nn.api.OptimizationAlgorithm;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.constraint.MaxNormConstraint;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Network configurations by model name. The common part (seed, optimizer, schedule, weight
 * initialization, regularization, output layer with the loss) is built here once; a
 * {@link Builder} only lays out the hidden layers of its architecture. Recurrent models read
 * {@code [batch, 1, window]} in ND4J's NCW layout (NWC fails in the convolution's backward pass)
 * and pass only the last LSTM step to their dense head.
 */
public final class Networks {

	/** One architecture: its input kind and its layers between the input and the output layer. */
	public interface Builder {

		/** {@code true}: input {@code [batch, 1, window]} (NCW); {@code false}: {@code [batch, window]}. */
		boolean sequenceInput();

		MultiLayerConfiguration build(NeuralNetConfiguration.Builder base, TrainSpec spec, OutputLayer output);

	}

	private static final Map<String, Builder> BUILDERS = new LinkedHashMap<>();

	private static final Map<String, WeightInit> INITS = Map.of("glorot", WeightInit.XAVIER, "he", WeightInit.RELU,
			"lecun", WeightInit.LECUN_NORMAL);

	static {
		BUILDERS.put("conv_lstm", new ConvLstm());
		BUILDERS.put("lstm", new Lstm());
		BUILDERS.put("dense", new Dense());
	}

	private Networks() {
	}

	public static Set<String> names() {
		return BUILDERS.keySet();
	}

	public static Set<String> inits() {
		return INITS.keySet();
	}

	public static boolean sequenceInput(String model) {
		return builder(model).sequenceInput();
	}

	/** The configuration of {@code spec}'s network; {@code iterationsPerEpoch} feeds learning-rate schedules. */
	public static MultiLayerConfiguration configure(TrainSpec spec, int iterationsPerEpoch) {
		Builder builder = builder(spec.model());
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
		if (reg.dropout() > 0) {
			base.dropOut(1.0 - reg.dropout()); // DL4J takes the probability of keeping an activation
		}
		if (reg.maxNorm() != null) {
			base.constrainWeights(new MaxNormConstraint(reg.maxNorm(), 1));
		}
		if (reg.clipValue() != null) {
			base.gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
				.gradientNormalizationThreshold(reg.clipValue());
		}
		else if (reg.clipNorm() != null) {
			base.gradientNormalization(GradientNormalization.ClipL2PerLayer)
				.gradientNormalizationThreshold(reg.clipNorm());
		}
		OutputLayer output = new OutputLayer.Builder(Losses.create(spec.loss())).nOut(spec.horizon())
			.activation(Activation.IDENTITY)
			.build();
		return builder.build(base, spec, output);
	}

	private static Builder builder(String model) {
		Builder builder = BUILDERS.get(model);
		if (builder == null) {
			throw new IllegalArgumentException("unknown model '" + model + "'");
		}
		return builder;
	}

	private static InputType sequence(TrainSpec spec) {
		return InputType.recurrent(1, spec.window(), RNNFormat.NCW);
	}

	/** The course's sunspot model: Conv1D (causal, relu) → LSTM → LSTM (last step) → Dense 30 → Dense 10 → output. */
	static final class ConvLstm implements Builder {

		@Override
		public boolean sequenceInput() {
			return true;
		}

		@Override
		public MultiLayerConfiguration build(NeuralNetConfiguration.Builder base, TrainSpec spec, OutputLayer output) {
			return base.list()
				.layer(new Convolution1DLayer.Builder().kernelSize(5)
					.stride(1)
					.convolutionMode(ConvolutionMode.Causal)
					.rnnDataFormat(RNNFormat.NCW)
					.nOut(spec.units())
					.activation(Activation.RELU)
					.build())
				.layer(new LSTM.Builder().nOut(spec.units()).activation(Activation.TANH).build())
				.layer(new LastTimeStep(new LSTM.Builder().nOut(spec.units()).activation(Activation.TANH).build()))
				.layer(new DenseLayer.Builder().nOut(30).activation(Activation.RELU).build())
				.layer(new DenseLayer.Builder().nOut(10).activation(Activation.RELU).build())
				.layer(output)
				.setInputType(sequence(spec))
				.build();
		}

	}

	/** Two stacked LSTMs, the last step of the second feeding the output. */
	static final class Lstm implements Builder {

		@Override
		public boolean sequenceInput() {
			return true;
		}

		@Override
		public MultiLayerConfiguration build(NeuralNetConfiguration.Builder base, TrainSpec spec, OutputLayer output) {
			return base.list()
				.layer(new LSTM.Builder().nOut(spec.units()).activation(Activation.TANH).build())
				.layer(new LastTimeStep(new LSTM.Builder().nOut(spec.units()).activation(Activation.TANH).build()))
				.layer(output)
				.setInputType(sequence(spec))
				.build();
		}

	}

	/** A multilayer perceptron over the window: two relu layers of {@code units}. */
	static final class Dense implements Builder {

		@Override
		public boolean sequenceInput() {
			return false;
		}

		@Override
		public MultiLayerConfiguration build(NeuralNetConfiguration.Builder base, TrainSpec spec, OutputLayer output) {
			return base.list()
				.layer(new DenseLayer.Builder().nOut(spec.units()).activation(Activation.RELU).build())
				.layer(new DenseLayer.Builder().nOut(spec.units()).activation(Activation.RELU).build())
				.layer(output)
				.setInputType(InputType.feedForward(spec.window()))
				.build();
		}

	}

}
