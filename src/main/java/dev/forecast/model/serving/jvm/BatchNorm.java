package dev.forecast.model.serving.jvm;

/**
 * Batch normalization at inference, per feature: {@code γ(x − mean)/std + β}, folded into
 * {@code x·scale + shift}.
 */
record BatchNorm(float[] scale, float[] shift) implements Stage {

	@Override
	public Tensor apply(Tensor x) {
		float[] y = new float[x.data().length];
		int features = x.features();
		for (int r = 0; r < y.length; r += features) {
			for (int j = 0; j < features; j++) {
				y[r + j] = x.data()[r + j] * this.scale[j] + this.shift[j];
			}
		}
		return new Tensor(y, x.batch(), x.steps(), features);
	}

}
