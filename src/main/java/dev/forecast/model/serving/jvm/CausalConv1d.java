package dev.forecast.model.serving.jvm;

/**
 * A causal 1-D convolution: output step {@code t} reads input steps
 * {@code t·stride − (kernel − 1 − j)·dilation} for {@code j < kernel}, zeros before the
 * start. Weights are held as {@code [kernel·in][out]}: row {@code j·in + i} holds kernel
 * tap {@code j} of input channel {@code i}.
 */
record CausalConv1d(float[][] weights, float[] bias, int kernel, int stride, int dilation, int in,
		Fn fn) implements Stage {

	@Override
	public Tensor apply(Tensor x) {
		int out = this.bias.length;
		int steps = (x.steps() + this.stride - 1) / this.stride;
		int pad = (this.kernel - 1) * this.dilation;
		float[] y = new float[x.batch() * steps * out];
		float[] row = new float[out];
		for (int b = 0; b < x.batch(); b++) {
			for (int t = 0; t < steps; t++) {
				System.arraycopy(this.bias, 0, row, 0, out);
				for (int j = 0; j < this.kernel; j++) {
					int source = t * this.stride + j * this.dilation - pad;
					if (source >= 0) {
						Kernels.addProduct(x.data(), x.at(b, source), this.in, this.weights, j * this.in, row);
					}
				}
				System.arraycopy(row, 0, y, (b * steps + t) * out, out);
			}
		}
		this.fn.apply(y, 0, y.length);
		return Tensor.sequence(y, x.batch(), steps, out);
	}

}
