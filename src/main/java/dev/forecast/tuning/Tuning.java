package dev.forecast.tuning;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A random search as the API shows it.
 *
 * @param status {@code QUEUED} (no trial started), {@code RUNNING} (some trial queued or
 * running), {@code SUCCEEDED} (all finished, at least one succeeded), {@code FAILED} (all
 * finished, none succeeded)
 * @param trials every trial: its run, the sampled params, the run's status and validation
 * MAE
 * @param best the succeeded trial with the lowest validation MAE so far, or {@code null}
 */
@Schema(name = "Tuning")
public record Tuning(long id, long series, String status, long seed, List<Trial> trials, Best best, Instant createdAt) {

	/**
	 * @param run the trial's run ({@code null} once deleted)
	 * @param status the run's status, {@code PENDING} before it has one, {@code DELETED}
	 * when the run was deleted, {@code REJECTED} when a pending trial could not be queued
	 * @param error why a {@code REJECTED} trial was not queued, else {@code null}
	 */
	@Schema(name = "TuningTrial")
	public record Trial(Long run, Map<String, Object> params, String status, Double valMae, String error) {
	}

	@Schema(name = "TuningBest")
	public record Best(long run, Map<String, Object> params, double valMae) {
	}

}
