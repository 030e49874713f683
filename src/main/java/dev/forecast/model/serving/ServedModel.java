package dev.forecast.model.serving;

import java.util.Arrays;

/**
 * A restored model ready to serve: its value, its {@link Predictor} (warmed up by one
 * forecast when made) and the {@link ModelServer} its forecasts run on.
 */
public final class ServedModel {

	private final TrainedModel model;

	private final Predictor predictor;

	private final ModelServer server;

	private ServedModel(TrainedModel model, Predictor predictor, ModelServer server) {
		this.model = model;
		this.predictor = predictor;
		this.server = server;
	}

	/**
	 * Compiles the JVM pass of {@code model} and runs one forecast on the calling thread.
	 */
	public static ServedModel of(TrainedModel model, ModelServer server) {
		Predictor predictor = Predictor.of(model);
		double[][] warmUp = { new double[model.window()] };
		Arrays.fill(warmUp[0], model.scaler().offset());
		predictor.forecast(warmUp, model.horizon());
		return new ServedModel(model, predictor, server);
	}

	/**
	 * The model's window, horizon, scaler, residuals and spec.
	 */
	public TrainedModel model() {
		return this.model;
	}

	/** {@link Predictor#forecast(double[][], int)} of one history on the server. */
	public double[] forecast(double[] history, int steps) {
		return forecast(new double[][] { history }, steps)[0];
	}

	/**
	 * {@link Predictor#forecast(double[][], int)} on the server.
	 * @throws ModelServer.Busy when the server's queue is full
	 */
	public double[][] forecast(double[][] histories, int steps) {
		return this.server.forecast(this.predictor, histories, steps);
	}

}
