package dev.forecast.model;

import java.util.Map;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NBeatsTests {

	private static MultiLayerNetwork network(DataType type) {
		MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5)
			.dataType(type)
			.updater(new NoOp())
			.weightInit(WeightInit.XAVIER)
			.list()
			.layer(new NBeats(3, 2, 5, 2))
			.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2)
				.activation(Activation.IDENTITY)
				.build())
			.setInputType(InputType.feedForward(6))
			.build());
		network.init();
		return network;
	}

	@Test
	void gradientsMatchFiniteDifferences() {
		Nd4j.getRandom().setSeed(3);
		DataType previous = Nd4j.dataType();
		DataType previousFloat = Nd4j.defaultFloatingPointType();
		Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
		try {
			MultiLayerNetwork network = network(DataType.DOUBLE);
			network.setParams(Nd4j.rand(DataType.DOUBLE, 1, network.numParams()).subi(0.5));
			boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(network)
				.input(Nd4j.rand(DataType.DOUBLE, 4, 6).subi(0.5).muli(2))
				.labels(Nd4j.rand(DataType.DOUBLE, 4, 2))
				.epsilon(1e-6)
				.maxRelError(1e-3)
				.minAbsoluteError(1e-8)
				.print(GradientCheckUtil.PrintMode.FAILURES_ONLY)
				.exitOnFirstError(false));
			assertThat(ok).isTrue();
			// 3 blocks of 2 relu layers (6→5, 5→5) and a forecast head (5→2); backcasts
			// (5→6) on the first two
			assertThat(network.numParams())
				.isEqualTo(3 * ((6 * 5 + 5) + (5 * 5 + 5) + (5 * 2 + 2)) + 2 * (5 * 6 + 6) + (3 * 2 * 2 + 2));
		}
		finally {
			Nd4j.setDefaultDataTypes(previous, previousFloat);
		}
	}

	@Test
	void blocksReadWhatTheBlocksBeforeLeftUnexplained() {
		MultiLayerNetwork network = network(DataType.DOUBLE);
		Map<String, INDArray> p = network.getLayer(0).paramTable();
		INDArray x = Nd4j.rand(DataType.DOUBLE, 1, 6);
		INDArray out = network.feedForwardToLayer(0, x, false).get(1);
		INDArray residual = x.dup();
		for (int b = 0; b < 3; b++) {
			INDArray h = residual;
			for (int l = 0; l < 2; l++) {
				h = Transforms.relu(h.mmul(p.get(NBeats.param(b, "w" + l))).add(p.get(NBeats.param(b, "b" + l))));
			}
			INDArray theta = h.mmul(p.get(NBeats.param(b, "wf"))).add(p.get(NBeats.param(b, "bf")));
			for (int k = 0; k < 2; k++) {
				assertThat(out.getDouble(0, b * 2 + k)).isCloseTo(theta.getDouble(0, k), within(1e-9));
			}
			if (b < 2) {
				residual = residual.sub(h.mmul(p.get(NBeats.param(b, "wb"))).add(p.get(NBeats.param(b, "bb"))));
			}
		}
	}

}
