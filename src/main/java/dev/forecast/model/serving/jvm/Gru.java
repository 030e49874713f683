package dev.forecast.model.serving.jvm;

import java.util.Arrays;

/**
 * The service's GRU layer ({@link dev.forecast.model.Gru}, the Keras convention): for
 * every step, with {@code h} starting at zero,
 *
 * <pre>
 * z = σ(x·Wz + h·Uz + bz),  r = σ(x·Wr + h·Ur + br)
 * ĥ = tanh(x·Wh + (r ⊙ h)·Uh + bh)
 * h = ĥ + z ⊙ (h − ĥ)
 * </pre>
 *
 * Weights are held as {@code [in][3·units]} (z, r, candidate side by side),
 * {@code [units][2·units]} (z, r) and {@code [units][units]} (candidate).
 */
record Gru(float[][] inputWeights, float[][] gateWeights, float[][] candidateWeights, float[] bias,
		boolean lastStepOnly) implements Stage {

	@Override
	public Tensor apply(Tensor x) {
		int u = this.candidateWeights.length;
		float[] g = new float[3 * u];
		float[] recurrent = new float[2 * u];
		float[] candidate = new float[u];
		float[] h = new float[u];
		float[] rh = new float[u];
		return Recurrence.run(x, u, this.lastStepOnly, new Recurrence.Cell() {

			@Override
			public void reset() {
				Arrays.fill(h, 0f);
			}

			@Override
			public float[] step(float[] in, int offset) {
				System.arraycopy(Gru.this.bias, 0, g, 0, 3 * u);
				Kernels.addProduct(in, offset, Gru.this.inputWeights.length, Gru.this.inputWeights, 0, g);
				Arrays.fill(recurrent, 0f);
				Kernels.addProduct(h, 0, u, Gru.this.gateWeights, 0, recurrent);
				for (int j = 0; j < 2 * u; j++) {
					g[j] = (float) Fn.sigmoid(g[j] + recurrent[j]);
				}
				for (int j = 0; j < u; j++) {
					rh[j] = g[u + j] * h[j];
				}
				System.arraycopy(g, 2 * u, candidate, 0, u);
				Kernels.addProduct(rh, 0, u, Gru.this.candidateWeights, 0, candidate);
				Fn.TANH.apply(candidate, 0, u);
				for (int j = 0; j < u; j++) {
					h[j] = candidate[j] + g[j] * (h[j] - candidate[j]);
				}
				return h;
			}

		});
	}

}
