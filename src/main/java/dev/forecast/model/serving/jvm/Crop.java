package dev.forecast.model.serving.jvm;

/** Drops {@code left} leading and {@code right} trailing steps of a sequence. */
record Crop(int left, int right) implements Stage {

	@Override
	public Tensor apply(Tensor x) {
		int steps = x.steps() - this.left - this.right;
		int width = steps * x.features();
		float[] y = new float[x.batch() * width];
		for (int b = 0; b < x.batch(); b++) {
			System.arraycopy(x.data(), x.at(b, this.left), y, b * width, width);
		}
		return Tensor.sequence(y, x.batch(), steps, x.features());
	}

}
