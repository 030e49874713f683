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
	 * @param status the run's status, {@code DELETED} when the run was deleted
	 */
	@Schema(name = "TuningTrial")
	public record Trial(Long run, Map<String, Object> params, String status, Double valMae) {
	}

	@Schema(name = "TuningBest")
	public record Best(long run, Map<String, Object> params, double valMae) {
	}

}
