package dev.forecast.model.serving.jvm;

/**
 * A fully connected layer (DL4J's dense and output layers): {@code fn(x·W + b)} per row,
 * weights {@code [in][out]}.
 */
record Dense(float[][] weights, float[] bias, Fn fn) implements Stage {

	int in() {
		return this.weights.length;
	}

	int out() {
		return this.bias.length;
	}

	@Override
	public Tensor apply(Tensor x) {
		int rows = x.batch() * x.steps();
		int out = out();
		float[] y = new float[rows * out];
		float[] row = new float[out];
		for (int r = 0; r < rows; r++) {
			System.arraycopy(this.bias, 0, row, 0, out);
			Kernels.addProduct(x.data(), r * in(), in(), this.weights, 0, row);
			System.arraycopy(row, 0, y, r * out, out);
		}
		this.fn.apply(y, 0, y.length);
		return Tensor.flat(y, rows, out);
	}

}
