package dev.forecast.training;

import java.util.ArrayList;
import java.util.List;

import dev.forecast.error.BadRequestException;
import dev.forecast.error.FieldProblem;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.training.GlobalTrainer;
import dev.forecast.series.Frequency;

import org.springframework.stereotype.Component;

/**
 * The spec of a collection run (one network on the windows of every member): the
 * request's missing fields from {@link CollectionDefaults}, then every check of
 * {@link SpecResolver} against the longest member, then the checks that concern the whole
 * collection: the {@code window} normalization (the only scale-free one, so that members
 * of any scale share a network), at least one member long enough for
 * {@code window + horizon + validation} points, and the epochs against the window passes
 * of all members. The validation part is held out at the end of each member.
 */
@Component
class CollectionSpecs {

	private static final String WINDOW = "window";

	private final SpecResolver specs;

	private final TrainingProperties limits;

	CollectionSpecs(SpecResolver specs, TrainingProperties limits) {
		this.specs = specs;
		this.limits = limits;
	}

	TrainSpec resolve(TrainRequest request, long collectionId, List<CollectionMembers.Member> members) {
		String normalization = SpecChecks.lower(request.normalization());
		if (normalization != null && !WINDOW.equals(normalization)) {
			throw invalid("normalization",
					"a collection run needs normalization window (got '" + normalization
							+ "'): only windows scaled by their own last value and spread let members of different "
							+ "scales share one network");
		}
		int[] lengths = members.stream().mapToInt(m -> (int) Math.min(Integer.MAX_VALUE, m.length())).toArray();
		int horizon = SpecChecks.or(request.horizon(), TrainSpec.DEFAULTS.horizon());
		Integer frequencySeason = season(members);
		Integer season = request.season() != null ? request.season() : frequencySeason;
		CollectionDefaults d = CollectionDefaults.of(lengths, horizon, season);
		int window = SpecChecks.or(request.window(), d.window());
		int validation = SpecChecks.or(request.validation(), d.validation());
		TrainRequest filled = new TrainRequest(null, SpecChecks.or(request.model(), d.model()),
				SpecChecks.or(request.units(), d.units()), window, horizon, validation,
				SpecChecks.or(request.epochs(), d.epochs()), SpecChecks.or(request.batchSize(), d.batchSize()),
				request.shuffle(), request.seed(), request.prefetch(), WINDOW, SpecChecks.or(request.loss(), d.loss()),
				(request.optimizer() != null) ? request.optimizer()
						: new TrainRequest.Optimizer(null, d.learningRate(), null, null, null, null, null),
				request.schedule(), request.regularization(), request.init(),
				(request.earlyStopping() != null) ? request.earlyStopping()
						: new TrainRequest.EarlyStopping(d.patience(), null, null),
				request.layers(), request.differencing(), request.season(), collectionId);
		// the checks of one series, on a series just long enough for the window (the
		// trainer pads shorter members); the epochs are checked below against the
		// windows of all members
		TrainSpec spec = this.specs.resolve(filled, (long) window + horizon + validation, frequencySeason);
		GlobalTrainer.Options options = GlobalTrainer.Options.of(spec);
		long minimum = (long) options.minimumInput() + spec.horizon() + spec.validation();
		long longest = 0;
		int training = 0;
		for (int length : lengths) {
			longest = Math.max(longest, length);
			training += (length >= minimum) ? 1 : 0;
		}
		if (training == 0) {
			throw invalid("collection",
					"collection " + collectionId + " has no member long enough to train on: "
							+ (members.isEmpty() ? "it has no members" : "the longest has " + longest + " points")
							+ ", and a spec with horizon " + horizon + " and validation " + validation
							+ " needs a member of at least " + minimum + " points (" + options.minimumInput()
							+ " inputs, the horizon and the validation part)");
		}
		// for each lookback the validation pass, then (with refit) every network again on
		// all points
		int networks = options.trainings(spec);
		long windows = (long) training * options.perMember() * networks;
		long fitting = this.limits.maxEpochWindows() / windows;
		if (request.epochs() == null && spec.epochs() > fitting && fitting >= CollectionDefaults.MIN_EPOCHS) {
			// the default bound on epochs (early stopping ends most runs far before)
			// lowered
			// to what the limit allows for all networks
			spec = spec.toBuilder().epochs((int) fitting).build();
		}
		if (spec.epochs() * windows > this.limits.maxEpochWindows()) {
			throw invalid("epochs", spec.epochs() + " epochs of " + windows + " training windows ("
					+ options.perMember() + " of each of " + training + " members, for each of " + networks
					+ " networks) are " + spec.epochs() * windows + " window passes, over the limit of "
					+ this.limits.maxEpochWindows() + " (forecast.training.max-epoch-windows); train fewer epochs");
		}
		return spec;
	}

	/**
	 * The season of the members' frequency when they all have the same one, else
	 * {@code null}.
	 */
	private static Integer season(List<CollectionMembers.Member> members) {
		List<String> codes = new ArrayList<>();
		for (CollectionMembers.Member member : members) {
			if (member.frequency() != null && !codes.contains(member.frequency())) {
				codes.add(member.frequency());
			}
		}
		if (codes.size() != 1) {
			return null;
		}
		int season = Frequency.parse(codes.get(0), null).defaultSeason();
		return season >= 2 ? season : null;
	}

	private static BadRequestException invalid(String field, String message) {
		return new BadRequestException("Invalid training spec", field + ": " + message,
				List.of(new FieldProblem(field, message)));
	}

}
