package dev.forecast.training;

import java.util.List;

import dev.forecast.error.BadRequestException;
import dev.forecast.error.ConflictException;
import dev.forecast.error.FieldProblem;
import dev.forecast.error.NotFoundException;
import dev.forecast.error.TooManyRequestsException;
import dev.forecast.model.training.GlobalTrainer;
import dev.forecast.model.training.MemoryEstimate;
import dev.forecast.model.TrainSpec;
import dev.forecast.series.Series;
import dev.forecast.series.SeriesService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits, reads, cancels and deletes runs. Training itself happens on the workers of
 * {@code jobs}.
 */
@Service
public class TrainingService {

	private final SeriesService series;

	private final SpecResolver specs;

	private final RunStore runs;

	private final ApplicationEventPublisher events;

	private final TrainingProperties properties;

	private final QuotaProperties quota;

	private final RunMemoryLimit memory;

	private final CollectionMembers collections;

	private final CollectionSpecs collectionSpecs;

	TrainingService(SeriesService series, SpecResolver specs, RunStore runs, ApplicationEventPublisher events,
			TrainingProperties properties, QuotaProperties quota, RunMemoryLimit memory, CollectionMembers collections,
			CollectionSpecs collectionSpecs) {
		this.series = series;
		this.collections = collections;
		this.collectionSpecs = collectionSpecs;
		this.specs = specs;
		this.runs = runs;
		this.events = events;
		this.properties = properties;
		this.quota = quota;
		this.memory = memory;
	}

	/**
	 * Queues a run of {@code owner} in this transaction: it exists (QUEUED) exactly when
	 * the request succeeded. A run of a collection (one network on all its members)
	 * counts as one run against the owner's quota.
	 */
	@Transactional
	public Run submit(TrainRequest request, Owner owner) {
		TrainSpec spec = check(request);
		checkActiveRuns(owner);
		long id = (request.collection() != null) ? this.runs.insert(null, request.collection(), spec, owner)
				: this.runs.insert(request.series(), null, spec, owner);
		this.events.publishEvent(new RunQueued(id));
		return get(id);
	}

	/**
	 * Checks {@code request} as {@link #submit} would, without queueing anything (400
	 * naming each bad field; 404 for an unknown series or collection).
	 */
	@Transactional(readOnly = true)
	public TrainSpec check(TrainRequest request) {
		if ((request.series() == null) == (request.collection() == null)) {
			String message = "give exactly one of series (train on one series) and collection (train one network on "
					+ "all members of a collection)";
			throw new BadRequestException("Invalid training request", message,
					List.of(new FieldProblem("series", message), new FieldProblem("collection", message)));
		}
		if (request.collection() != null) {
			long id = request.collection();
			List<CollectionMembers.Member> members = this.collections.members(id)
				.orElseThrow(() -> new NotFoundException("Collection not found",
						"There is no collection " + id + "; GET /collections lists the stored ones."));
			return checkMemory(this.collectionSpecs.resolve(request, id, members), true);
		}
		Series target = this.series.get(request.series());
		return checkMemory(this.specs.resolve(request, target.getLength(), season(target)), false);
	}

	/**
	 * Refuses (400) a spec whose training would take more memory than a worker may use
	 * ({@code forecast.worker.max-run-memory}), naming the estimate and the limit; a
	 * collection run is estimated at the widest lookback of its global model
	 * ({@link GlobalTrainer.Options#lookbacks}), wider than the spec's window.
	 */
	private TrainSpec checkMemory(TrainSpec spec, boolean collection) {
		int window = collection ? GlobalTrainer.Options.of(spec).lookbacks(spec).get(0) : spec.window();
		MemoryEstimate estimate = MemoryEstimate.of(spec.toBuilder().window(window).build());
		long limit = this.memory.bytes();
		if (estimate.bytes() > limit) {
			String message = "training this spec needs about " + MemoryEstimate.format(estimate.bytes()) + " ("
					+ estimate.parameters() + " parameters; activations of a batch of " + spec.batchSize()
					+ " windows of " + window + (collection ? ", the widest lookback of the global model" : "")
					+ "), over the limit of " + MemoryEstimate.format(limit)
					+ " a run may use (forecast.worker.max-run-memory); use fewer or narrower layers, a shorter window"
					+ " or a smaller batchSize";
			throw new BadRequestException("Training spec too large", message,
					List.of(new FieldProblem("spec", message)));
		}
		return spec;
	}

	private static Integer season(Series series) {
		return series.getFrequency() == null ? null : series.getFrequency().defaultSeason();
	}

	/**
	 * At most {@code forecast.quota.max-active-runs} queued plus running runs per owner;
	 * 429 beyond.
	 */
	/**
	 * How many more runs {@code owner} may queue now under
	 * {@code forecast.quota.max-active-runs}; takes the owner's lock as {@link #submit}
	 * does, so a submit in the same transaction sees the same count.
	 */
	@Transactional
	public long freeRuns(Owner owner) {
		return Math.max(0, this.quota.maxActiveRuns() - this.runs.lockAndCountActive(owner));
	}

	private void checkActiveRuns(Owner owner) {
		long active = this.runs.lockAndCountActive(owner);
		if (active >= this.quota.maxActiveRuns()) {
			throw new TooManyRequestsException(
					"This API key already has " + active + " queued or running runs, the "
							+ "most allowed (forecast.quota.max-active-runs); wait for one to finish or cancel one.",
					30);
		}
	}

	@Transactional(readOnly = true)
	public Run get(long id) {
		return this.runs.find(id).orElseThrow(() -> RunNotFoundException.forId(id));
	}

	@Transactional(readOnly = true)
	public List<Run> list(Long seriesId, RunStatus status) {
		return list(seriesId, null, status);
	}

	/** Runs of a series, of a collection, or all (either filter may be null). */
	@Transactional(readOnly = true)
	public List<Run> list(Long seriesId, Long collectionId, RunStatus status) {
		if (seriesId != null) {
			this.series.get(seriesId);
		}
		if (collectionId != null && !this.collections.exists(collectionId)) {
			throw new NotFoundException("Collection not found",
					"There is no collection " + collectionId + "; GET /collections lists the stored ones.");
		}
		return this.runs.list(seriesId, collectionId, status, this.properties.maxListSize());
	}

	/** The succeeded run of a series with the lowest validation MAE, if any. */
	@Transactional(readOnly = true)
	public java.util.Optional<Long> bestRun(long seriesId) {
		return this.runs.bestSucceeded(seriesId);
	}

	/**
	 * Cancels a queued run at once; asks a running one to stop (within one batch when it
	 * trains in this process, else at its worker's next heartbeat). Finished runs stay as
	 * they are.
	 */
	public Run cancel(long id) {
		RunStatus status = this.runs.requestCancel(id).orElseThrow(() -> RunNotFoundException.forId(id));
		if (status == RunStatus.RUNNING) {
			this.events.publishEvent(new RunCancelRequested(id));
		}
		return get(id);
	}

	/** Deletes a run and its model; {@code 409} while it is running. */
	public void delete(long id) {
		if (this.runs.deleteUnlessRunning(id) == 1) {
			this.events.publishEvent(new RunDeleted(id));
			return;
		}
		RunStatus status = this.runs.status(id).orElseThrow(() -> RunNotFoundException.forId(id));
		throw new ConflictException("Run is running", "Run " + id + " is " + status + "; cancel it (POST /runs/" + id
				+ "/cancel) and delete it once it has stopped.");
	}

}
