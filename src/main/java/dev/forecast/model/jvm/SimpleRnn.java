package dev.forecast.model.jvm;

import java.util.Arrays;

/**
 * DL4J's simple recurrent layer: {@code h = fn(x·W + h·R + b)} for every step, {@code h} starting at
 * zero; the full sequence of {@code h}, or the last one when {@code lastStepOnly}.
 */
record SimpleRnn(float[][] inputWeights, float[][] recurrentWeights, float[] bias, Fn fn,
		boolean lastStepOnly) implements Stage {

	@Override
	public Tensor apply(Tensor x) {
		int u = this.recurrentWeights.length;
		int in = this.inputWeights.length;
		int steps = x.steps();
		float[] y = new float[x.batch() * (this.lastStepOnly ? 1 : steps) * u];
		float[] h = new float[u];
		float[] next = new float[u];
		for (int b = 0; b < x.batch(); b++) {
			Arrays.fill(h, 0f);
			for (int t = 0; t < steps; t++) {
				System.arraycopy(this.bias, 0, next, 0, u);
				Kernels.addProduct(x.data(), x.at(b, t), in, this.inputWeights, 0, next);
				Kernels.addProduct(h, 0, u, this.recurrentWeights, 0, next);
				this.fn.apply(next, 0, u);
				System.arraycopy(next, 0, h, 0, u);
				if (!this.lastStepOnly) {
					System.arraycopy(h, 0, y, (b * steps + t) * u, u);
				}
			}
			if (this.lastStepOnly) {
				System.arraycopy(h, 0, y, b * u, u);
			}
		}
		return this.lastStepOnly ? Tensor.flat(y, x.batch(), u) : Tensor.sequence(y, x.batch(), steps, u);
	}

}
