package dev.forecast.forecast;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.WebAsyncTask;

/**
 * Runs costly requests ({@code /evaluation}) as asynchronous requests on a bounded pool,
 * each under a {@link Computation} with the deadline {@code forecast.forecast.deadline}:
 * the work stops at its next origin when the deadline passes, when the request errors or
 * times out, when its client closes the connection ({@link ClientConnection}: Tomcat does
 * not report that as an error while the work computes), and when the service stops (a
 * SIGTERM does not wait for the computation).
 */
@Component
public class Computations implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Computations.class);

	private final ForecastProperties properties;

	private volatile ThreadPoolTaskExecutor executor;

	private final Set<Computation> running = ConcurrentHashMap.newKeySet();

	private final AtomicLong stopped = new AtomicLong();

	private volatile boolean active;

	Computations(ForecastProperties properties) {
		this.properties = properties;
		this.executor = newExecutor();
	}

	private static ThreadPoolTaskExecutor newExecutor() {
		int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setQueueCapacity(100);
		executor.setThreadNamePrefix("evaluation-");
		executor.setDaemon(true);
		executor.initialize();
		return executor;
	}

	/**
	 * {@code work} as the asynchronous {@code request} under a new {@link Computation},
	 * which also stops when the request's client closes its connection.
	 */
	public <T> WebAsyncTask<T> submit(String what, HttpServletRequest request, Work<T> work) {
		Computation computation = new Computation(this.properties.deadline());
		Callable<T> task = () -> {
			// the request is asynchronous by now
			computation.watch(ClientConnection.of(request));
			this.running.add(computation);
			try {
				return work.run(computation);
			}
			finally {
				this.running.remove(computation);
				if (computation.isStopped()) {
					this.stopped.incrementAndGet();
					log.info("{} stopped after {} check(s)", what, computation.checks());
				}
			}
		};
		long timeout = this.properties.deadline().toMillis() + 5_000;
		WebAsyncTask<T> async = new WebAsyncTask<>(timeout, this.executor, task);
		async.onTimeout(() -> {
			computation.cancel("the request timed out");
			computation.check();
			return null;
		});
		async.onError(() -> {
			computation.cancel("the request failed (its client went away)");
			return null;
		});
		return async;
	}

	/** How many computations are running now. */
	int runningCount() {
		return this.running.size();
	}

	/** How many checks the running computations made. */
	long runningChecks() {
		return this.running.stream().mapToLong(Computation::checks).sum();
	}

	/** How many computations were stopped before they finished. */
	long stoppedCount() {
		return this.stopped.get();
	}

	@Override
	public synchronized void start() {
		// a stopped context (a test context Spring paused, say) starts again with a new
		// pool
		if (this.executor.getThreadPoolExecutor().isShutdown()) {
			this.executor = newExecutor();
		}
		this.active = true;
	}

	/**
	 * Stops every running computation at its next check, before the web server drains.
	 */
	@Override
	public synchronized void stop() {
		this.active = false;
		this.running.forEach(c -> c.cancel("the service is shutting down"));
		this.executor.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.active;
	}

	/** Work that checks its {@link Computation}. */
	@FunctionalInterface
	public interface Work<T> {

		T run(Computation computation) throws Exception;

	}

}
