package dev.forecast.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LossHuberTests {

	@Test
	void scoresQuadraticInsideDeltaAndLinearOutside() {
		LossHuber loss = new LossHuber(1.0);
		INDArray labels = Nd4j.create(new double[][] { { 0.0, 0.0 } });
		INDArray output = Nd4j.create(new double[][] { { 0.5, -3.0 } });
		// 0.5 * 0.25 = 0.125 and 1 * (3 - 0.5) = 2.5, averaged over the two outputs
		double score = loss.computeScore(labels, output, new ActivationIdentity(), null, true);
		assertThat(score).isCloseTo((0.125 + 2.5) / 2, within(1e-9));
	}

	@Test
	void gradientMatchesFiniteDifferences() {
		Nd4j.getRandom().setSeed(7);
		for (double delta : new double[] { 0.3, 1.0 }) {
			LossHuber loss = new LossHuber(delta);
			for (var activation : new org.nd4j.linalg.activations.IActivation[] { new ActivationIdentity(),
					new ActivationTanH() }) {
				INDArray labels = Nd4j.rand(DataType.DOUBLE, 5, 3).subi(0.5).muli(4);
				INDArray preOutput = Nd4j.rand(DataType.DOUBLE, 5, 3).subi(0.5).muli(4);
				INDArray mask = Nd4j.create(new double[][] { { 1 }, { 1 }, { 0 }, { 1 }, { 1 } });
				INDArray gradient = loss.computeGradient(labels, preOutput, activation, mask);
				double eps = 1e-6;
				for (int i = 0; i < preOutput.rows(); i++) {
					for (int j = 0; j < preOutput.columns(); j++) {
						double original = preOutput.getDouble(i, j);
						preOutput.putScalar(i, j, original + eps);
						double plus = loss.computeScore(labels, preOutput, activation, mask, false);
						preOutput.putScalar(i, j, original - eps);
						double minus = loss.computeScore(labels, preOutput, activation, mask, false);
						preOutput.putScalar(i, j, original);
						double numeric = (plus - minus) / (2 * eps);
						assertThat(gradient.getDouble(i, j)).as("d/dz[%d,%d] delta %s %s", i, j, delta, activation)
							.isCloseTo(numeric, within(1e-6));
					}
				}
				assertThat(gradient.getRow(2).sumNumber().doubleValue()).isZero();
			}
		}
	}

	@Test
	void gradientAndScoreAgreeWithTheSeparateCalls() {
		LossHuber loss = new LossHuber();
		INDArray labels = Nd4j.create(new double[][] { { 1.0 }, { -2.0 } });
		INDArray output = Nd4j.create(new double[][] { { 0.2 }, { 1.5 } });
		var both = loss.computeGradientAndScore(labels, output, new ActivationIdentity(), null, true);
		assertThat(both.getFirst()).isCloseTo(loss.computeScore(labels, output, new ActivationIdentity(), null, true),
				within(1e-12));
		assertThat(both.getSecond()).isEqualTo(loss.computeGradient(labels, output, new ActivationIdentity(), null));
		assertThat(both.getSecond().getDouble(1, 0)).isEqualTo(1.0); // clipped at delta
	}

}
