package dev.forecast.model.serving.jvm;

import java.util.Arrays;

/**
 * DL4J's simple recurrent layer: {@code h = fn(x·W + h·R + b)} for every step, {@code h}
 * starting at zero; the full sequence of {@code h}, or the last one when
 * {@code lastStepOnly}.
 */
record SimpleRnn(float[][] inputWeights, float[][] recurrentWeights, float[] bias, Fn fn,
		boolean lastStepOnly) implements Stage {

	@Override
	public Tensor apply(Tensor x) {
		int u = this.recurrentWeights.length;
		float[] h = new float[u];
		float[] next = new float[u];
		return Recurrence.run(x, u, this.lastStepOnly, new Recurrence.Cell() {

			@Override
			public void reset() {
				Arrays.fill(h, 0f);
			}

			@Override
			public float[] step(float[] in, int offset) {
				System.arraycopy(SimpleRnn.this.bias, 0, next, 0, u);
				Kernels.addProduct(in, offset, SimpleRnn.this.inputWeights.length, SimpleRnn.this.inputWeights, 0,
						next);
				Kernels.addProduct(h, 0, u, SimpleRnn.this.recurrentWeights, 0, next);
				SimpleRnn.this.fn.apply(next, 0, u);
				System.arraycopy(next, 0, h, 0, u);
				return h;
			}

		});
	}

}
