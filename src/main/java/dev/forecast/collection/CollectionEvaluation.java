package dev.forecast.collection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.forecast.error.ApiException;
import dev.forecast.error.DeadlineExceededException;
import dev.forecast.forecast.Computation;
import dev.forecast.forecast.EvaluationResponse;
import dev.forecast.forecast.EvaluationService;
import dev.forecast.forecast.ForecastParams;
import dev.forecast.forecast.Levels;
import dev.forecast.forecast.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Backtests every member of a collection with {@link EvaluationService} (the numbers of
 * {@code GET /evaluation} for each) on the {@link MemberPool}, and aggregates the results
 * per method: mean and median MAE, RMSE, sMAPE and MASE, the best method per member and
 * overall.
 */
@Component
class CollectionEvaluation {

	private static final Logger log = LoggerFactory.getLogger(CollectionEvaluation.class);

	private final EvaluationService evaluations;

	private final MemberPool pool;

	CollectionEvaluation(EvaluationService evaluations, MemberPool pool) {
		this.evaluations = evaluations;
		this.pool = pool;
	}

	CollectionEvaluationResponse evaluate(long collection, List<CollectionStore.Member> members, Integer holdout,
			int horizon, List<Method> methods, ForecastParams params, Computation work) {
		Map<String, List<EvaluationResponse.Result>> byMethod = new LinkedHashMap<>();
		List<CollectionEvaluationResponse.MemberResult> results = new ArrayList<>();
		List<CollectionEvaluationResponse.Failure> failed = new ArrayList<>();
		Map<String, Integer> wins = new LinkedHashMap<>();
		this.pool.inOrder(members, member -> evaluate(member, holdout, horizon, methods, params, work), outcome -> {
			if (outcome.evaluation() == null) {
				failed.add(new CollectionEvaluationResponse.Failure(outcome.member().key(), outcome.member().seriesId(),
						outcome.error()));
				return;
			}
			EvaluationResponse evaluation = outcome.evaluation();
			for (EvaluationResponse.Result result : evaluation.results()) {
				byMethod.computeIfAbsent(result.method(), k -> new ArrayList<>()).add(result);
			}
			EvaluationResponse.Result best = evaluation.results()
				.stream()
				.filter(r -> r.method().equals(evaluation.best()))
				.findFirst()
				.orElseThrow();
			wins.merge(best.method(), 1, Integer::sum);
			results
				.add(new CollectionEvaluationResponse.MemberResult(outcome.member().key(), outcome.member().seriesId(),
						evaluation.holdout(), best.method(), best.mae(), best.rmse(), best.smape(), best.mase()));
		});
		List<CollectionEvaluationResponse.MethodSummary> summaries = new ArrayList<>();
		byMethod.forEach((method, scored) -> summaries.add(new CollectionEvaluationResponse.MethodSummary(method,
				scored.size(), summary(scored, EvaluationResponse.Result::mae),
				summary(scored, EvaluationResponse.Result::rmse), summary(scored, EvaluationResponse.Result::smape),
				summary(scored, EvaluationResponse.Result::mase))));
		return new CollectionEvaluationResponse(collection, horizon, results.size(), summaries, best(summaries), wins,
				results, failed);
	}

	/** The lowest mean MASE, or without any MASE the lowest mean sMAPE. */
	static String best(List<CollectionEvaluationResponse.MethodSummary> summaries) {
		boolean mase = summaries.stream().anyMatch(s -> s.mase().mean() != null);
		Function<CollectionEvaluationResponse.MethodSummary, Double> key = mase ? s -> s.mase().mean()
				: s -> s.smape().mean();
		return summaries.stream()
			.filter(s -> key.apply(s) != null)
			.min(Comparator.comparingDouble(s -> key.apply(s)))
			.map(CollectionEvaluationResponse.MethodSummary::method)
			.orElse(null);
	}

	static CollectionEvaluationResponse.Summary summary(List<EvaluationResponse.Result> results,
			Function<EvaluationResponse.Result, Double> metric) {
		double[] values = results.stream()
			.map(metric)
			.filter(v -> v != null && Double.isFinite(v))
			.mapToDouble(Double::doubleValue)
			.toArray();
		if (values.length == 0) {
			return new CollectionEvaluationResponse.Summary(null, null, 0);
		}
		Arrays.sort(values);
		int n = values.length;
		double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
		return new CollectionEvaluationResponse.Summary(Arrays.stream(values).sum() / n, median, n);
	}

	private Outcome evaluate(CollectionStore.Member member, Integer holdout, int horizon, List<Method> methods,
			ForecastParams params, Computation work) {
		try {
			return new Outcome(member, this.evaluations.evaluate(member.seriesId(), holdout, horizon, methods, params,
					Levels.parse(null), work), null);
		}
		catch (DeadlineExceededException ex) { // the whole evaluation stops: 503
			throw ex;
		}
		catch (ApiException ex) {
			return new Outcome(member, null, ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Backtest of series {} (member '{}') failed", member.seriesId(), member.key(), ex);
			return new Outcome(member, null, "the backtest failed: " + ex.getClass().getSimpleName());
		}
	}

	private record Outcome(CollectionStore.Member member, EvaluationResponse evaluation, String error) {
	}

}
