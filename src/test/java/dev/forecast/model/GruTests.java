package dev.forecast.model;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
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

import static org.assertj.core.api.Assertions.assertThat;

class GruTests {

	private static MultiLayerNetwork network(DataType type, boolean lastStepOnly) {
		NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(7)
			.dataType(type)
			.updater(new NoOp())
			.weightInit(WeightInit.XAVIER)
			.list()
			.layer(new Gru(3, false))
			.layer(new Gru(4, lastStepOnly));
		MultiLayerConfiguration conf = list.layer(
				new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2).activation(Activation.IDENTITY).build())
			.setInputType(InputType.recurrent(2, 5, RNNFormat.NCW))
			.build();
		MultiLayerNetwork network = new MultiLayerNetwork(conf);
		network.init();
		return network;
	}

	@Test
	void gradientsMatchFiniteDifferences() {
		Nd4j.getRandom().setSeed(3);
		DataType previous = Nd4j.dataType();
		DataType previousFloat = Nd4j.defaultFloatingPointType();
		Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
		MultiLayerNetwork network = network(DataType.DOUBLE, true);
		try {
			INDArray input = Nd4j.rand(DataType.DOUBLE, 4, 2, 5).subi(0.5).muli(2);
			INDArray labels = Nd4j.rand(DataType.DOUBLE, 4, 2);
			boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(network)
				.input(input)
				.labels(labels)
				.epsilon(1e-6)
				.maxRelError(1e-3)
				.minAbsoluteError(1e-8)
				.print(GradientCheckUtil.PrintMode.FAILURES_ONLY)
				.exitOnFirstError(false));
			assertThat(ok).isTrue();
		}
		finally {
			Nd4j.setDefaultDataTypes(previous, previousFloat);
		}
		// 2 GRUs: 3·(nIn·u + u·u + u) parameters each, output 4·2 + 2
		assertThat(network.numParams()).isEqualTo(3 * (2 * 3 + 3 * 3 + 3) + 3 * (3 * 4 + 4 * 4 + 4) + 10);
	}

	@Test
	void matchesTheGruEquationsStepByStep() {
		MultiLayerNetwork network = network(DataType.DOUBLE, false);
		INDArray input = Nd4j.rand(DataType.DOUBLE, 1, 2, 5);
		INDArray first = network.feedForwardToLayer(0, input, false).get(1); // [1, 3, 5]
		java.util.Map<String, INDArray> p = network.getLayer(0).paramTable();
		INDArray h = Nd4j.zeros(DataType.DOUBLE, 1, 3);
		for (int t = 0; t < 5; t++) {
			INDArray x = input
				.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
						org.nd4j.linalg.indexing.NDArrayIndex.point(t))
				.reshape(1, 2);
			INDArray z = sigmoid(x.mmul(p.get("Wz")).add(h.mmul(p.get("Uz"))).add(p.get("bz")));
			INDArray r = sigmoid(x.mmul(p.get("Wr")).add(h.mmul(p.get("Ur"))).add(p.get("br")));
			INDArray candidate = org.nd4j.linalg.ops.transforms.Transforms
				.tanh(x.mmul(p.get("Wh")).add(r.mul(h).mmul(p.get("Uh"))).add(p.get("bh")));
			h = z.mul(h).add(z.rsub(1.0).mul(candidate));
			for (int k = 0; k < 3; k++) {
				assertThat(first.getDouble(0, k, t)).isCloseTo(h.getDouble(0, k),
						org.assertj.core.data.Offset.offset(1e-9));
			}
		}
	}

	private static INDArray sigmoid(INDArray x) {
		return org.nd4j.linalg.ops.transforms.Transforms.sigmoid(x);
	}

}
