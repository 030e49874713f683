package dev.forecast.model.serving.jvm;

/**
 * Activations between layers: {@code batch} rows of {@code steps × features} values,
 * row-major, the features of one time step next to each other
 * ({@code [batch, time, features]}, the transpose of DL4J's NCW per row). A flat tensor
 * has one step per row.
 */
record Tensor(float[] data, int batch, int steps, int features) {

	static Tensor flat(float[] data, int batch, int features) {
		return new Tensor(data, batch, 1, features);
	}

	static Tensor sequence(float[] data, int batch, int steps, int features) {
		return new Tensor(data, batch, steps, features);
	}

	/** The offset of row {@code b}'s step {@code t}. */
	int at(int b, int t) {
		return (b * this.steps + t) * this.features;
	}

}
