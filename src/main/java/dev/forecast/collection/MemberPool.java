package dev.forecast.collection;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * The bounded pool that computes the members of a collection in parallel
 * ({@code forecast.collection.threads}, shared by every request). Results are handed back
 * in the members' order while at most a few per thread are in flight, so a request holds
 * a window of results, never all of them.
 */
@Component
class MemberPool {

	/** Tasks in flight per thread: keeps the threads busy while the caller writes. */
	private static final int AHEAD = 4;

	private final ExecutorService executor;

	private final int threads;

	MemberPool(CollectionProperties properties) {
		this.threads = properties.threadCount();
		AtomicInteger count = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(this.threads, this.threads, 0, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), runnable -> {
					Thread thread = new Thread(runnable, "collection-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/**
	 * Computes {@code work} for every item on the pool and gives the results to
	 * {@code sink} on the calling thread, in the order of {@code items}. When the sink
	 * throws (the client went away), the tasks still queued are cancelled.
	 */
	<T, R> void inOrder(List<T> items, Function<T, R> work, Consumer<R> sink) {
		Deque<Future<R>> pending = new ArrayDeque<>();
		int next = 0;
		try {
			while (next < items.size() || !pending.isEmpty()) {
				while (next < items.size() && pending.size() < this.threads * AHEAD) {
					T item = items.get(next++);
					pending.add(this.executor.submit(() -> work.apply(item)));
				}
				sink.accept(get(pending.poll()));
			}
		}
		finally {
			pending.forEach(future -> future.cancel(true));
		}
	}

	private static <R> R get(Future<R> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for a member", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

}
