package dev.forecast.training;

import java.util.List;

import dev.forecast.error.FieldProblem;
import dev.forecast.model.training.Optimizers;
import dev.forecast.model.TrainSpec;

import static dev.forecast.training.SpecChecks.fraction;
import static dev.forecast.training.SpecChecks.lower;
import static dev.forecast.training.SpecChecks.nonNegative;
import static dev.forecast.training.SpecChecks.oneOf;
import static dev.forecast.training.SpecChecks.or;
import static dev.forecast.training.SpecChecks.positiveOrNull;
import static dev.forecast.training.SpecChecks.range;

/**
 * Resolves the optimisation options of a request: the optimizer, the weight penalties and
 * clipping ({@code regularization}) and early stopping; the learning-rate schedule is
 * {@link ScheduleResolver}'s.
 */
final class OptimizationResolver {

	private final TrainingProperties limits;

	OptimizationResolver(TrainingProperties limits) {
		this.limits = limits;
	}

	static TrainSpec.Optimizer optimizer(TrainRequest.Optimizer request, TrainSpec.Optimizer d,
			List<FieldProblem> errors) {
		if (request == null) {
			return d;
		}
		String type = lower(or(request.type(), d.type()));
		oneOf(errors, "optimizer.type", type, Optimizers.names());
		double rate = or(request.learningRate(), d.learningRate());
		if (!(rate > 0 && rate <= 10)) {
			errors.add(new FieldProblem("optimizer.learningRate", "must be above 0 and at most 10 (got " + rate + ")"));
		}
		double momentum = fraction(errors, "optimizer.momentum", or(request.momentum(), d.momentum()));
		double rho = fraction(errors, "optimizer.rho", or(request.rho(), d.rho()));
		double beta1 = fraction(errors, "optimizer.beta1", or(request.beta1(), d.beta1()));
		double beta2 = fraction(errors, "optimizer.beta2", or(request.beta2(), d.beta2()));
		double epsilon = or(request.epsilon(), d.epsilon());
		if (!(epsilon > 0 && epsilon <= 1)) {
			errors.add(new FieldProblem("optimizer.epsilon", "must be above 0 and at most 1 (got " + epsilon + ")"));
		}
		return new TrainSpec.Optimizer(type, rate, momentum, rho, beta1, beta2, epsilon);
	}

	static TrainSpec.Regularization regularization(TrainRequest.Regularization request, List<FieldProblem> errors) {
		if (request == null) {
			return TrainSpec.Regularization.NONE;
		}
		double l1 = nonNegative(errors, "regularization.l1", or(request.l1(), 0.0));
		double l2 = nonNegative(errors, "regularization.l2", or(request.l2(), 0.0));
		double dropout = or(request.dropout(), 0.0);
		if (!(dropout >= 0 && dropout < 1)) {
			errors.add(new FieldProblem("regularization.dropout", "must be at least 0 and below 1"));
		}
		boolean batchNorm = or(request.batchNorm(), false);
		positiveOrNull(errors, "regularization.maxNorm", request.maxNorm());
		positiveOrNull(errors, "regularization.clipValue", request.clipValue());
		positiveOrNull(errors, "regularization.clipNorm", request.clipNorm());
		if (request.clipValue() != null && request.clipNorm() != null) {
			errors.add(new FieldProblem("regularization.clipNorm", "give clipValue or clipNorm, not both"));
		}
		return new TrainSpec.Regularization(l1, l2, dropout, batchNorm, request.maxNorm(), request.clipValue(),
				request.clipNorm());
	}

	TrainSpec.EarlyStopping earlyStopping(TrainRequest.EarlyStopping request, TrainSpec.EarlyStopping d,
			List<FieldProblem> errors) {
		if (request == null) {
			return d;
		}
		int patience = or(request.patience(), d.patience());
		range(errors, "earlyStopping.patience", patience, 0, this.limits.maxEpochs());
		double minDelta = nonNegative(errors, "earlyStopping.minDelta", or(request.minDelta(), d.minDelta()));
		String monitor = or(request.monitor(), d.monitor());
		oneOf(errors, "earlyStopping.monitor", monitor, List.of("valMae", "valLoss"));
		return new TrainSpec.EarlyStopping(patience, minDelta, monitor);
	}

}
