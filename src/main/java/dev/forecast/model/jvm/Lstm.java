package dev.forecast.model.jvm;

import java.util.Arrays;

/**
 * DL4J's LSTM (no peepholes), gate blocks in DL4J's order: block input {@code a}, forget {@code f},
 * output {@code o}, input {@code i}. For every step, with {@code h} and {@code c} starting at zero:
 *
 * <pre>
 * [a f o i] = x·W + h·R + b
 * c = gate(f) ⊙ c + gate(i) ⊙ fn(a)
 * h = gate(o) ⊙ fn(c)
 * </pre>
 *
 * Weights {@code [in][4·units]} and {@code [units][4·units]}; the output is the full sequence of
 * {@code h}, or the last one when {@code lastStepOnly}.
 */
record Lstm(float[][] inputWeights, float[][] recurrentWeights, float[] bias, Fn gate, Fn fn,
		boolean lastStepOnly) implements Stage {

	@Override
	public Tensor apply(Tensor x) {
		int u = this.recurrentWeights.length;
		int in = this.inputWeights.length;
		int steps = x.steps();
		float[] y = new float[x.batch() * (this.lastStepOnly ? 1 : steps) * u];
		float[] g = new float[4 * u];
		float[] h = new float[u];
		float[] c = new float[u];
		float[] fc = new float[u];
		for (int b = 0; b < x.batch(); b++) {
			Arrays.fill(h, 0f);
			Arrays.fill(c, 0f);
			for (int t = 0; t < steps; t++) {
				System.arraycopy(this.bias, 0, g, 0, 4 * u);
				Kernels.addProduct(x.data(), x.at(b, t), in, this.inputWeights, 0, g);
				if (t > 0) {
					Kernels.addProduct(h, 0, u, this.recurrentWeights, 0, g);
				}
				this.fn.apply(g, 0, u);
				this.gate.apply(g, u, 4 * u);
				for (int j = 0; j < u; j++) {
					c[j] = g[u + j] * c[j] + g[3 * u + j] * g[j];
				}
				System.arraycopy(c, 0, fc, 0, u);
				this.fn.apply(fc, 0, u);
				for (int j = 0; j < u; j++) {
					h[j] = g[2 * u + j] * fc[j];
				}
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
