package dev.forecast.forecast;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.forecast.error.BadRequestException;
import dev.forecast.error.ConflictException;
import dev.forecast.jobs.Nd4jRuntime;
import dev.forecast.model.serving.ModelCodec;
import dev.forecast.model.serving.ModelServer;
import dev.forecast.model.serving.ServedModel;
import dev.forecast.series.SeriesDeleted;
import dev.forecast.training.CollectionMembers;
import dev.forecast.training.Run;
import dev.forecast.training.RunDeleted;
import dev.forecast.training.RunNotFoundException;
import dev.forecast.training.RunRef;
import dev.forecast.training.RunStore;
import dev.forecast.training.ServingProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Trained models for serving forecasts, restored from PostgreSQL (so any replica serves
 * any run) and cached as warm {@link ServedModel}s (the JVM pass compiled and warmed up
 * by one prediction when restored), whose forecasts all run on one {@link ModelServer}: a
 * few inference threads with a bounded queue ({@code forecast.neural.queue-size}).
 * <p>
 * The cache is bounded by memory (up to {@code forecast.neural.cache-size}: each entry
 * weighs twice its stored size, the restored network and the JVM pass's copy of its
 * parameters), drops models unused for {@code idle-timeout}, and forgets a run when it is
 * deleted here ({@link RunDeleted}) or its series is ({@link SeriesDeleted}). The run's
 * status is read on every use, so a run deleted on another replica is never served from
 * the cache either.
 */
@Service
public class TrainedModels {

	private static final Logger log = LoggerFactory.getLogger(TrainedModels.class);

	private final RunStore store;

	private final CollectionMembers collections;

	private final Nd4jRuntime nd4j;

	private final ModelServer server;

	private final Cache<Long, Loaded> cache;

	TrainedModels(RunStore store, CollectionMembers collections, Nd4jRuntime nd4j, ServingProperties properties) {
		this.store = store;
		this.collections = collections;
		this.nd4j = nd4j;
		this.server = new ModelServer(properties.threads(), properties.queueSize(), new InferenceThreads());
		this.cache = Caffeine.newBuilder()
			.maximumWeight(properties.cacheSize().toBytes())
			.weigher((Long run, Loaded loaded) -> (int) Math.min(Integer.MAX_VALUE, loaded.weight()))
			.expireAfterAccess(properties.idleTimeout())
			.recordStats()
			.build();
	}

	/** The series and status of a run, if it exists. */
	public Optional<RunRef> run(long runId) {
		return this.store.ref(runId);
	}

	/**
	 * Run {@code runId} to forecast series {@code seriesId} with: 404 for an unknown run,
	 * 400 for a run of another series or of a collection the series is not a member of.
	 */
	public RunRef runFor(long runId, long seriesId) {
		RunRef run = run(runId).orElseThrow(() -> RunNotFoundException.forId(runId));
		if (run.collectionId() != null) {
			if (!this.collections.isMember(run.collectionId(), seriesId)) {
				throw BadRequestException.invalid("run",
						"run " + runId + " was trained on collection " + run.collectionId() + ", and series " + seriesId
								+ " is not one of its members; GET /runs?series=" + seriesId
								+ " lists this series' runs");
			}
		}
		else if (run.seriesId() != seriesId) {
			throw BadRequestException.invalid("run", "run " + runId + " was trained on series " + run.seriesId()
					+ ", not on series " + seriesId + "; GET /runs?series=" + seriesId + " lists this series' runs");
		}
		return run;
	}

	/**
	 * The model of a run: 404 for an unknown run, 409 when the run has no model (not
	 * succeeded).
	 */
	public ServedModel forRun(long runId) {
		return serve(this.store.ref(runId).orElseThrow(() -> RunNotFoundException.forId(runId)));
	}

	/** The model of a run whose status was just read: 409 unless it succeeded. */
	public ServedModel serve(RunRef run) {
		if (!run.succeeded()) {
			throw new ConflictException("Run has no model",
					"Run " + run.id() + " is " + run.status() + "; only succeeded runs have a model.");
		}
		return this.cache.get(run.id(), id -> load(run)).server();
	}

	/**
	 * The succeeded run of a series with the lowest validation MAE; for a member of a
	 * collection without one, its collection's (a global model).
	 */
	public Optional<Long> bestRun(long seriesId) {
		return this.store.bestSucceeded(seriesId);
	}

	/** A run's metrics (validation MAE, its ratio to naive), if it has them. */
	public Optional<Run.Metrics> metrics(long runId) {
		return this.store.metrics(runId);
	}

	/** The cache of restored models, for its metrics (size, hits, misses, evictions). */
	public Cache<Long, ?> cache() {
		return this.cache;
	}

	/** Whether a run's model is restored in this process (for tests and diagnostics). */
	public boolean isLoaded(long runId) {
		return this.cache.getIfPresent(runId) != null;
	}

	private Loaded load(RunRef run) {
		byte[] bytes = this.store.model(run.id())
			.orElseThrow(() -> new ConflictException("Run has no model",
					"Run " + run.id() + " has no stored model (it was deleted or is being replaced); train it again."));
		this.nd4j.start();
		long started = System.nanoTime();
		ServedModel served = ServedModel.of(ModelCodec.decode(bytes), this.server);
		log.info("Restored the model of run {} ({} KB) in {} ms", run.id(), bytes.length / 1024,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
		return new Loaded(run.seriesId(), bytes.length, served);
	}

	@EventListener
	void forget(RunDeleted deleted) {
		this.cache.invalidate(deleted.runId());
	}

	@EventListener
	void forget(SeriesDeleted deleted) {
		this.cache.asMap().values().removeIf(loaded -> Objects.equals(loaded.seriesId(), deleted.seriesId()));
	}

	@PreDestroy
	void stop() {
		this.server.close();
	}

	/** A restored model and the series it was trained on ({@code null}: a collection). */
	private record Loaded(Long seriesId, int bytes, ServedModel server) {

		/** The restored network and the JVM pass's copy of its parameters. */
		long weight() {
			return 2L * this.bytes;
		}

	}

	private static final class InferenceThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "inference-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
