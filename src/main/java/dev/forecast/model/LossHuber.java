package dev.forecast.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Huber loss, which DL4J 1.0.0-M2.1 lacks: quadratic for errors up to {@code delta},
 * linear beyond, so outliers pull less than with MSE. Like DL4J's MSE it averages over
 * the outputs of an example and (when asked) over the examples of a batch: {@code 0.5 e²}
 * for {@code |e| ≤ delta}, else {@code delta (|e| - delta / 2)}. The gradient is the
 * error clipped to {@code ±delta}.
 */
public class LossHuber implements ILossFunction {

	private static final long serialVersionUID = 1L;

	/** Non-final for DL4J's JSON configuration mapper, which sets fields directly. */
	private double delta;

	public LossHuber() {
		this(1.0);
	}

	public LossHuber(double delta) {
		if (!(delta > 0)) {
			throw new IllegalArgumentException("delta must be positive");
		}
		this.delta = delta;
	}

	public double getDelta() {
		return this.delta;
	}

	@Override
	public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
		INDArray error = error(labels, preOutput, activationFn);
		INDArray abs = Transforms.abs(error, false);
		INDArray quadratic = Transforms.min(abs, this.delta, true);
		INDArray linear = abs.subi(quadratic);
		INDArray perOutput = quadratic.muli(quadratic).muli(0.5).addi(linear.muli(this.delta));
		if (mask != null) {
			LossUtil.applyMask(perOutput, mask);
		}
		return perOutput.sum(true, 1).divi(perOutput.size(1));
	}

	@Override
	public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
			boolean average) {
		double score = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
		return average ? score / labels.size(0) : score;
	}

	@Override
	public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
		INDArray error = error(labels, preOutput, activationFn);
		INDArray dLdOut = Transforms.max(Transforms.min(error, this.delta, false), -this.delta, false)
			.divi(labels.size(1));
		if (mask != null && LossUtil.isPerOutputMasking(dLdOut, mask)) {
			LossUtil.applyMask(dLdOut, mask);
		}
		INDArray gradient = activationFn.backprop(preOutput.dup(), dLdOut).getFirst();
		if (mask != null) {
			LossUtil.applyMask(gradient, mask);
		}
		return gradient;
	}

	@Override
	public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
			INDArray mask, boolean average) {
		return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
				computeGradient(labels, preOutput, activationFn, mask));
	}

	private static INDArray error(INDArray labels, INDArray preOutput, IActivation activationFn) {
		if (!labels.equalShapes(preOutput)) {
			throw new IllegalArgumentException("labels " + java.util.Arrays.toString(labels.shape()) + " and outputs "
					+ java.util.Arrays.toString(preOutput.shape()) + " differ in shape");
		}
		INDArray output = activationFn.getActivation(preOutput.dup(), true);
		return output.subi(labels.castTo(output.dataType()));
	}

	@Override
	public String name() {
		return "huber(" + this.delta + ")";
	}

	@Override
	public String toString() {
		return "LossHuber(delta=" + this.delta + ")";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LossHuber o && o.delta == this.delta;
	}

	@Override
	public int hashCode() {
		return Double.hashCode(this.delta);
	}

}
