package dev.forecast.model.serving;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the forecasts of every served model on a fixed pool of inference threads with a
 * bounded queue, so that forecasts never take more cores than those threads and never
 * pile up without bound. A forecast the queue has no room for is refused at once with
 * {@link Busy} (the service answers 503 with {@code Retry-After}); the caller's thread
 * never runs a forecast itself. Each request runs as one batched {@link Predictor} pass
 * over its histories; predictors are thread-safe, so any thread runs any model.
 */
public final class ModelServer implements AutoCloseable {

	private final ThreadPoolExecutor executor;

	private final int threads;

	private final int queueSize;

	/**
	 * @param threads inference threads, at least 1
	 * @param queueSize forecasts that may wait for a thread, at least 1
	 * @param factory makes the inference threads
	 */
	public ModelServer(int threads, int queueSize, ThreadFactory factory) {
		this.threads = Math.max(1, threads);
		this.queueSize = Math.max(1, queueSize);
		this.executor = new ThreadPoolExecutor(this.threads, this.threads, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(this.queueSize), factory, new ThreadPoolExecutor.AbortPolicy());
	}

	/**
	 * {@link Predictor#forecast(double[][], int)} on an inference thread, waiting for its
	 * result.
	 * @throws Busy when every thread is busy and the queue is full
	 * @throws IllegalStateException when the server is shut down
	 */
	public double[][] forecast(Predictor predictor, double[][] histories, int steps) {
		Future<double[][]> result;
		try {
			result = this.executor.submit(() -> predictor.forecast(histories, steps));
		}
		catch (RejectedExecutionException ex) {
			if (this.executor.isShutdown()) {
				throw new IllegalStateException("the inference threads are shut down", ex);
			}
			throw new Busy(this.threads, this.queueSize);
		}
		try {
			return result.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			result.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for a forecast", ex);
		}
	}

	public int threads() {
		return this.threads;
	}

	/** Forecasts waiting for a thread now. */
	public int waiting() {
		return this.executor.getQueue().size();
	}

	/** Stops taking forecasts; those queued still run. */
	@Override
	public void close() {
		this.executor.shutdown();
	}

	/** Every inference thread is busy and the queue is full. */
	public static final class Busy extends RuntimeException {

		Busy(int threads, int queueSize) {
			super("all " + threads + " inference threads are busy and " + queueSize
					+ " forecasts are already waiting (forecast.neural.queue-size)");
		}

	}

}
