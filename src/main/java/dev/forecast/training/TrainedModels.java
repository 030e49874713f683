package dev.forecast.training;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.forecast.error.ConflictException;
import dev.forecast.model.TrainedModel;

import org.springframework.stereotype.Service;

/**
 * Trained models for serving forecasts: restored from PostgreSQL once and cached. A model answers
 * {@link TrainedModel#predict(double[])}: the next {@code horizon} values from the last
 * {@code window} observations.
 */
@Service
public class TrainedModels {

	private final RunStore store;

	private final Nd4jRuntime nd4j;

	private final Cache<Long, TrainedModel> cache = Caffeine.newBuilder()
		.maximumSize(32)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	TrainedModels(RunStore store, Nd4jRuntime nd4j) {
		this.store = store;
		this.nd4j = nd4j;
	}

	/** The model of a run: 404 for an unknown run, 409 when the run has no model (not succeeded). */
	public TrainedModel forRun(long runId) {
		// the status is read every time, so a run deleted here or on another replica is never served from the cache
		RunStatus status = this.store.status(runId).orElseThrow(() -> RunNotFoundException.forId(runId));
		TrainedModel cached = this.cache.getIfPresent(runId);
		if (cached != null && status == RunStatus.SUCCEEDED) {
			return cached;
		}
		byte[] bytes = this.store.model(runId)
			.orElseThrow(() -> new ConflictException("Run has no model",
					"Run " + runId + " is " + status + "; only succeeded runs have a model."));
		this.nd4j.start();
		TrainedModel model = TrainedModel.fromBytes(bytes);
		this.cache.put(runId, model);
		return model;
	}

	/** The succeeded run of a series with the lowest validation MAE. */
	public Optional<Long> bestRun(long seriesId) {
		return this.store.bestSucceeded(seriesId);
	}

}
