package dev.forecast.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.forecast.error.BadRequestException;
import dev.forecast.error.FieldProblem;
import dev.forecast.training.Owner;
import dev.forecast.training.TrainRequest;
import dev.forecast.training.TrainingService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts random searches: samples the trials and queues each as an ordinary run through
 * {@link TrainingService#submit} (the path of {@code POST /train}), all in one
 * transaction, so a search exists with all its runs or not at all. Trials beyond the
 * owner's free runs ({@code forecast.quota.max-active-runs}) are checked and stored as
 * pending; {@link PendingTrials} queues them as earlier runs finish.
 */
@Service
class TuningService {

	static final int DEFAULT_TRIALS = 10;

	private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "DELETED", "REJECTED");

	private final TrainingService training;

	private final TuningStore store;

	private final TuningProperties properties;

	TuningService(TrainingService training, TuningStore store, TuningProperties properties) {
		this.training = training;
		this.store = store;
		this.properties = properties;
	}

	@Transactional
	Tuning start(TuneRequest request, Owner owner) {
		List<FieldProblem> errors = new ArrayList<>();
		if (request.series() == null) {
			errors.add(new FieldProblem("series", "is required"));
		}
		int trials = (request.trials() == null) ? DEFAULT_TRIALS : request.trials();
		if (trials < 1 || trials > this.properties.maxTrials()) {
			errors.add(new FieldProblem("trials", "must be between 1 and " + this.properties.maxTrials()
					+ " (forecast.tuning.max-trials), got " + trials));
		}
		RandomSearch.Space space = RandomSearch.check(request.space(), errors);
		if (space != null && space.layers() != null && request.base() != null && request.base().layers() != null) {
			errors.add(new FieldProblem("space.layers", "cannot be searched when base.layers fixes the stack"));
		}
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
		long seriesId = request.series();
		// the base alone must be a valid spec: its problems are the base's
		try {
			this.training.check(TrialRequests.build(seriesId, request.base(), Map.of()));
		}
		catch (BadRequestException ex) {
			throw invalid(ex.errors().stream().map(e -> new FieldProblem("base." + e.field(), e.message())).toList());
		}
		long seed = (request.seed() != null) ? request.seed() : ThreadLocalRandom.current().nextLong(1L << 48);
		List<Map<String, Object>> points = RandomSearch.sample(space, trials, seed);
		long id = this.store.insert(seriesId, trials, seed, request.base() == null ? Map.of() : request.base(),
				request.space(), owner.name());
		long free = this.training.freeRuns(owner);
		for (int t = 0; t < points.size(); t++) {
			Map<String, Object> params = points.get(t);
			int trial = t + 1;
			TrainRequest trialRequest = TrialRequests.build(seriesId, request.base(), params);
			Long run = null;
			try {
				if (t < free) {
					run = this.training.submit(trialRequest, owner).id();
				}
				else { // waits for a free run: PendingTrials queues it later
					this.training.check(trialRequest);
				}
			}
			catch (BadRequestException ex) {
				throw invalid(ex.errors()
					.stream()
					.map(e -> new FieldProblem(field(e.field(), params),
							"trial " + trial + " " + params + ": " + e.message()))
					.toList());
			}
			this.store.insertTrial(id, trial, run, params);
		}
		return get(id);
	}

	/**
	 * The search field a trial's spec problem comes from: a sampled dimension, else the
	 * base.
	 */
	static String field(String field, Map<String, Object> params) {
		String dimension = switch (field) {
			case "window" -> "window";
			case "batchSize" -> "batchSize";
			case "units" -> "units";
			case "optimizer.learningRate" -> "learningRate";
			case "regularization.dropout" -> "dropout";
			default -> field.startsWith("layers") ? (field.endsWith(".units") ? "units" : "layers") : null;
		};
		if (dimension != null && params.containsKey(dimension)) {
			return "space." + dimension;
		}
		return "base." + field;
	}

	private static BadRequestException invalid(List<FieldProblem> errors) {
		return new BadRequestException("Invalid search",
				String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
	}

	@Transactional(readOnly = true)
	Tuning get(long id) {
		TuningStore.Header header = this.store.header(id).orElseThrow(() -> TuningNotFoundException.forId(id));
		List<Tuning.Trial> trials = this.store.trials(id);
		Tuning.Best best = trials.stream()
			.filter(t -> "SUCCEEDED".equals(t.status()) && t.valMae() != null && t.run() != null)
			.min(Comparator.comparingDouble(Tuning.Trial::valMae))
			.map(t -> new Tuning.Best(t.run(), t.params(), t.valMae()))
			.orElse(null);
		return new Tuning(header.id(), header.series(), status(trials), header.seed(), trials, best,
				header.createdAt());
	}

	static String status(List<Tuning.Trial> trials) {
		if (trials.stream().allMatch(t -> "QUEUED".equals(t.status()) || "PENDING".equals(t.status()))) {
			return "QUEUED";
		}
		if (!trials.stream().allMatch(t -> FINISHED.contains(t.status()))) {
			return "RUNNING";
		}
		return trials.stream().anyMatch(t -> "SUCCEEDED".equals(t.status())) ? "SUCCEEDED" : "FAILED";
	}

}
