package dev.forecast.model.serving.jvm;

/**
 * DL4J's RNN-to-feed-forward preprocessor: every step of every row becomes a row of its
 * own.
 */
record Flatten() implements Stage {

	@Override
	public Tensor apply(Tensor x) {
		return Tensor.flat(x.data(), x.batch() * x.steps(), x.features());
	}

}
