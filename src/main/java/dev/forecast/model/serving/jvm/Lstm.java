package dev.forecast.model.serving.jvm;

import java.util.Arrays;

/**
 * DL4J's LSTM (no peepholes), gate blocks in DL4J's order: block input {@code a}, forget
 * {@code f}, output {@code o}, input {@code i}. For every step, with {@code h} and
 * {@code c} starting at zero:
 *
 * <pre>
 * [a f o i] = x·W + h·R + b
 * c = gate(f) ⊙ c + gate(i) ⊙ fn(a)
 * h = gate(o) ⊙ fn(c)
 * </pre>
 *
 * Weights {@code [in][4·units]} and {@code [units][4·units]}; the output is the full
 * sequence of {@code h}, or the last one when {@code lastStepOnly}.
 */
record Lstm(float[][] inputWeights, float[][] recurrentWeights, float[] bias, Fn gate, Fn fn,
		boolean lastStepOnly) implements Stage {

	@Override
	public Tensor apply(Tensor x) {
		int u = this.recurrentWeights.length;
		float[] g = new float[4 * u];
		float[] h = new float[u];
		float[] c = new float[u];
		float[] fc = new float[u];
		return Recurrence.run(x, u, this.lastStepOnly, new Recurrence.Cell() {

			@Override
			public void reset() {
				Arrays.fill(h, 0f);
				Arrays.fill(c, 0f);
			}

			@Override
			public float[] step(float[] in, int offset) {
				System.arraycopy(Lstm.this.bias, 0, g, 0, 4 * u);
				Kernels.addProduct(in, offset, Lstm.this.inputWeights.length, Lstm.this.inputWeights, 0, g);
				Kernels.addProduct(h, 0, u, Lstm.this.recurrentWeights, 0, g);
				Lstm.this.fn.apply(g, 0, u);
				Lstm.this.gate.apply(g, u, 4 * u);
				for (int j = 0; j < u; j++) {
					c[j] = g[u + j] * c[j] + g[3 * u + j] * g[j];
				}
				System.arraycopy(c, 0, fc, 0, u);
				Lstm.this.fn.apply(fc, 0, u);
				for (int j = 0; j < u; j++) {
					h[j] = g[2 * u + j] * fc[j];
				}
				return h;
			}

		});
	}

}
