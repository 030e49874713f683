package dev.forecast.model.jvm;

import java.util.Arrays;

/**
 * The service's GRU layer ({@link dev.forecast.model.Gru}, the Keras convention): for every step,
 * with {@code h} starting at zero,
 *
 * <pre>
 * z = σ(x·Wz + h·Uz + bz),  r = σ(x·Wr + h·Ur + br)
 * ĥ = tanh(x·Wh + (r ⊙ h)·Uh + bh)
 * h = ĥ + z ⊙ (h − ĥ)
 * </pre>
 *
 * Weights are held as {@code [in][3·units]} (z, r, candidate side by side), {@code [units][2·units]}
 * (z, r) and {@code [units][units]} (candidate).
 */
record Gru(float[][] inputWeights, float[][] gateWeights, float[][] candidateWeights, float[] bias,
		boolean lastStepOnly) implements Stage {

	@Override
	public Tensor apply(Tensor x) {
		int u = this.candidateWeights.length;
		int in = this.inputWeights.length;
		int steps = x.steps();
		float[] y = new float[x.batch() * (this.lastStepOnly ? 1 : steps) * u];
		float[] g = new float[3 * u];
		float[] recurrent = new float[2 * u];
		float[] candidate = new float[u];
		float[] h = new float[u];
		float[] rh = new float[u];
		for (int b = 0; b < x.batch(); b++) {
			Arrays.fill(h, 0f);
			for (int t = 0; t < steps; t++) {
				System.arraycopy(this.bias, 0, g, 0, 3 * u);
				Kernels.addProduct(x.data(), x.at(b, t), in, this.inputWeights, 0, g);
				Arrays.fill(recurrent, 0f);
				Kernels.addProduct(h, 0, u, this.gateWeights, 0, recurrent);
				for (int j = 0; j < 2 * u; j++) {
					g[j] = (float) Fn.sigmoid(g[j] + recurrent[j]);
				}
				for (int j = 0; j < u; j++) {
					rh[j] = g[u + j] * h[j];
				}
				System.arraycopy(g, 2 * u, candidate, 0, u);
				Kernels.addProduct(rh, 0, u, this.candidateWeights, 0, candidate);
				Fn.TANH.apply(candidate, 0, u);
				for (int j = 0; j < u; j++) {
					h[j] = candidate[j] + g[j] * (h[j] - candidate[j]);
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
