package dev.forecast.training;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.Shrinkage;
import dev.forecast.model.training.Diagnosis;
import dev.forecast.model.training.EpochStats;
import dev.forecast.model.training.VsNaive;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A training run as the API shows it.
 *
 * @param series the series the run trains on ({@code null} for a collection run)
 * @param collection the collection whose members the run trains one network on
 * ({@code null} for a series run)
 * @param spec the full spec with defaults filled in
 * @param curve one entry per finished epoch, growing while the run trains
 * @param metrics of the kept (best) epoch, once the run succeeded; for a collection run
 * the errors are scale-free (each member's divided by its in-sample naive MAE, pooled)
 * @param diagnosis what the learning curve of a succeeded run says (overfit, underfit,
 * good) and the remedies
 * @param attempts how many times a worker took the run (a run whose worker died is
 * retried)
 */
@Schema(name = "Run")
public record Run(long id, Long series, Long collection, RunStatus status, TrainSpec spec, Progress progress,
		List<EpochStats> curve, Metrics metrics, Diagnosis diagnosis, String error, String worker, int attempts,
		Instant createdAt, Instant startedAt, Instant finishedAt) {

	/**
	 * @param epoch epochs finished in the current attempt (of the first network when the
	 * run trains several)
	 * @param epochs the spec's upper bound
	 * @param networks how many networks the run trains, when more than one (an ensemble
	 * on a short series, a collection's global model: each lookback's validation pass and
	 * its refits); absent otherwise
	 * @param networksDone how many of them finished in the current attempt; absent when
	 * {@code networks} is
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Progress(int epoch, int epochs, Integer networks, Integer networksDone) {

		public Progress(int epoch, int epochs) {
			this(epoch, epochs, null, null);
		}

	}

	/**
	 * @param valMae validation MAE of the kept weights, series units
	 * @param valRmse validation RMSE of the kept weights, series units
	 * @param bestEpoch the epoch whose weights were kept
	 * @param trainSeconds wall time of the training loop
	 * @param naiveMae MAE of the naive forecast (the previous value) on the same
	 * validation points, series units
	 * @param suggestedLearningRate a range test's suggestion: the rate of steepest
	 * descent of the loss
	 * @param vsNaive the validation MAE against the naive and seasonal naive forecasts on
	 * the same validation points; {@code vsNaive.ratio} (to the better of the two) at 1
	 * or above means the run loses to naive ({@code vsNaive.worse}), and no automatic
	 * choice should pick it (absent on runs finished before it existed)
	 * @param shrinkage how the served forecasts are pulled toward a naive baseline (the
	 * guard, fitted on the validation part: {@code weight} 1 serves the network as it is,
	 * 0 the baseline) and the validation MAEs over every scored step ahead of the shrunk
	 * forecasts, the network alone and the baseline alone (absent on runs finished before
	 * it existed)
	 * @param networks the networks of the run's ensemble (3 on short series: the model
	 * serves the median of their forecasts, and {@code valMae} and {@code valRmse} are
	 * the ensemble's; {@code bestEpoch} and the curve are the first network's)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Metrics(double valMae, double valRmse, int bestEpoch, double trainSeconds, Double naiveMae,
			Double suggestedLearningRate, VsNaive vsNaive, Shrinkage shrinkage, Integer networks) {

		public Metrics(double valMae, double valRmse, int bestEpoch, double trainSeconds) {
			this(valMae, valRmse, bestEpoch, trainSeconds, null, null, null, null, null);
		}

		public Metrics(double valMae, double valRmse, int bestEpoch, double trainSeconds, Double naiveMae,
				Double suggestedLearningRate, VsNaive vsNaive) {
			this(valMae, valRmse, bestEpoch, trainSeconds, naiveMae, suggestedLearningRate, vsNaive, null, null);
		}

		/**
		 * {@code false} only when the run is known to lose to a naive forecast on its
		 * validation points.
		 */
		public boolean beatsNaive() {
			return this.vsNaive != null ? !this.vsNaive.worse() : this.naiveMae == null || this.valMae < this.naiveMae;
		}

		/**
		 * {@code vsNaive.ratio}: the validation MAE over the better naive one's, or
		 * {@code null} when unknown.
		 */
		public Double naiveRatio() {
			return this.vsNaive == null ? null : this.vsNaive.ratio();
		}

		/** {@code vsNaive.baseline}: the better naive forecast, or {@code null}. */
		public String naiveBaseline() {
			return this.vsNaive == null ? null : this.vsNaive.baseline();
		}

	}

}
