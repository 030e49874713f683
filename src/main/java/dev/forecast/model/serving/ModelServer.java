package dev.forecast.model.serving;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Serves one trained model to many threads, as a small pool of instances (the restored
 * one plus {@link TrainedModel#copy() copies}: sharing the JVM pass, or each with its own
 * network when the model runs through DL4J, whose networks are not thread-safe), each
 * used by one thread at a time, all warmed up by one prediction when the server is made.
 * <p>
 * Requests are queued and run on the given executor (a few inference threads shared by
 * all models, so that forecasts never take more cores than those). A thread that takes an
 * instance runs every waiting request with the same number of steps as one batch, up to
 * {@code maxBatch} windows. On the JVM a batch costs the sum of its windows and each
 * row's result is bit-identical to a lone pass; through DL4J a pass has a large fixed
 * cost, which concurrent requests then share. At most one drain per instance runs at a
 * time.
 */
public final class ModelServer {

	private final TrainedModel prototype;

	private final Deque<TrainedModel> idle = new ArrayDeque<>();

	private final Deque<Request> pending = new ArrayDeque<>();

	private final int instances;

	private final int maxBatch;

	private final Executor executor;

	private int draining;

	/**
	 * @param model the restored model, the first instance
	 * @param instances how many instances (threads that may run this model at once), at
	 * least 1
	 * @param maxBatch the most windows one pass combines from different requests
	 * @param executor where passes run
	 */
	public ModelServer(TrainedModel model, int instances, int maxBatch, Executor executor) {
		this.prototype = model;
		this.instances = Math.max(1, instances);
		this.maxBatch = Math.max(1, maxBatch);
		this.executor = executor;
		double[][] warmUp = { new double[model.window()] };
		Arrays.fill(warmUp[0], model.scaler().offset());
		for (int i = 0; i < this.instances; i++) {
			TrainedModel instance = i == 0 ? model : model.copy();
			instance.forecast(warmUp, model.horizon());
			this.idle.push(instance);
		}
	}

	/**
	 * The model's window, horizon, scaler, residuals and spec (do not predict with it
	 * directly).
	 */
	public TrainedModel model() {
		return this.prototype;
	}

	public int instances() {
		return this.instances;
	}

	/** {@link TrainedModel#forecast(double[][], int)} through the pool. */
	public double[] forecast(double[] history, int steps) {
		return forecast(new double[][] { history }, steps)[0];
	}

	/**
	 * {@link TrainedModel#forecast(double[][], int)} through the pool, batched with
	 * concurrent requests.
	 */
	public double[][] forecast(double[][] histories, int steps) {
		Request request = new Request(histories, steps, new CompletableFuture<>());
		boolean start;
		synchronized (this) {
			this.pending.add(request);
			start = this.draining < this.instances;
			if (start) {
				this.draining++;
			}
		}
		if (start) {
			try {
				this.executor.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				synchronized (this) {
					this.draining--;
					this.pending.remove(request);
				}
				throw new IllegalStateException("the inference threads are shut down", ex);
			}
		}
		try {
			return request.result.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	private void drain() {
		TrainedModel instance;
		synchronized (this) {
			instance = this.idle.pop();
		}
		while (true) {
			List<Request> batch;
			synchronized (this) {
				batch = take();
				if (batch.isEmpty()) {
					this.idle.push(instance);
					this.draining--;
					return;
				}
			}
			run(instance, batch);
		}
	}

	/**
	 * The oldest request and every later one with the same steps, while the windows fit
	 * in a batch.
	 */
	private List<Request> take() {
		List<Request> batch = new ArrayList<>();
		Request first = this.pending.poll();
		if (first == null) {
			return batch;
		}
		batch.add(first);
		int windows = first.histories.length;
		for (Iterator<Request> it = this.pending.iterator(); it.hasNext();) {
			Request next = it.next();
			if (next.steps == first.steps && windows + next.histories.length <= this.maxBatch) {
				batch.add(next);
				windows += next.histories.length;
				it.remove();
			}
		}
		return batch;
	}

	private void run(TrainedModel instance, List<Request> batch) {
		try {
			int total = 0;
			for (Request request : batch) {
				total += request.histories.length;
			}
			double[][] all = new double[total][];
			int at = 0;
			for (Request request : batch) {
				System.arraycopy(request.histories, 0, all, at, request.histories.length);
				at += request.histories.length;
			}
			double[][] out = new double[total][];
			for (int from = 0; from < total; from += this.maxBatch) {
				int to = Math.min(total, from + this.maxBatch);
				double[][] chunk = instance.forecast(Arrays.copyOfRange(all, from, to), batch.get(0).steps);
				System.arraycopy(chunk, 0, out, from, chunk.length);
			}
			at = 0;
			for (Request request : batch) {
				double[][] mine = Arrays.copyOfRange(out, at, at + request.histories.length);
				at += request.histories.length;
				request.result.complete(mine);
			}
		}
		catch (RuntimeException | Error ex) {
			for (Request request : batch) {
				request.result.completeExceptionally(ex);
			}
		}
	}

	private record Request(double[][] histories, int steps, CompletableFuture<double[][]> result) {
	}

}
