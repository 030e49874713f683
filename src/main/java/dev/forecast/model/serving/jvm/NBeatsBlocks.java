package dev.forecast.model.serving.jvm;

/**
 * The N-BEATS layer ({@link dev.forecast.model.NBeats}) on the JVM: per block, relu dense
 * layers, the forecast coefficients, and the backcast subtracted from the block's input
 * before the next block; the output holds every block's coefficients side by side.
 *
 * @param hidden per block, its fully connected relu layers
 * @param backcasts per block, its backcast head ({@code null} for the last block)
 * @param forecasts per block, its forecast coefficient head
 */
record NBeatsBlocks(Dense[][] hidden, Dense[] backcasts, Dense[] forecasts) implements Stage {

	@Override
	public Tensor apply(Tensor in) {
		int rows = in.batch() * in.steps();
		Tensor x = Tensor.flat(in.data().clone(), rows, in.features());
		int theta = this.forecasts[0].out();
		int width = theta * this.forecasts.length;
		float[] out = new float[rows * width];
		for (int b = 0; b < this.forecasts.length; b++) {
			Tensor h = x;
			for (Dense layer : this.hidden[b]) {
				h = layer.apply(h);
			}
			float[] coefficients = this.forecasts[b].apply(h).data();
			for (int r = 0; r < rows; r++) {
				System.arraycopy(coefficients, r * theta, out, r * width + b * theta, theta);
			}
			if (this.backcasts[b] != null) {
				float[] backcast = this.backcasts[b].apply(h).data();
				float[] residual = x.data();
				for (int i = 0; i < residual.length; i++) {
					residual[i] -= backcast[i];
				}
			}
		}
		return Tensor.flat(out, rows, width);
	}

}
