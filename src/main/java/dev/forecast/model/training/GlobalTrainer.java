package dev.forecast.model.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.forecast.model.Scaler;
import dev.forecast.model.Seasonality;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.WindowTransform;
import dev.forecast.model.serving.TrainedModel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Trains one global network on the windows of many series (a collection's members), any
 * of which, or any other series, it then forecasts from its last points.
 * <ul>
 * <li>Windows ({@link GlobalWindows}): scale-free, each normalized by its own statistics
 * ({@link WindowTransform#LEVEL}: offset its last value, scale its standard deviation but
 * not below {@code floor} times its level, the mean absolute value, so the floor does not
 * depend on a series). Members shorter than the window are edge-padded on the left with
 * their first value, from {@code minimumInput} points on, as served.</li>
 * <li>Sampling: every epoch draws {@code perMember} training windows of each member, so
 * long members do not dominate.</li>
 * <li>Validation: the last {@code spec.validation()} points of EACH member are held out;
 * early stopping watches the pooled loss or error of those windows.</li>
 * <li>Errors: the result's {@code valMae}, {@code valRmse}, {@code naiveMae} and
 * {@code seasonalNaiveMae} are scaled: each member's errors divided by its in-sample
 * naive MAE (mean absolute one-step change of its training part, MASE-like), pooled over
 * all validation forecasts, so {@link TrainingResult#vsNaive()} is the ratio to
 * naive.</li>
 * <li>Intervals: the model's residuals are scale-free (absolute validation errors divided
 * by the scale of the window forecast from); {@link TrainedModel#residualScale} gives a
 * series' factor.</li>
 * </ul>
 * With {@code networks > 1} it trains that many networks of seeds {@code seed},
 * {@code seed + 1}, ... whose model serves the median of their forecasts. Only the first
 * network's epochs go to the monitor's {@code onEpoch}; every training (validation pass
 * or refit, {@link Options#trainings} in all) is counted by its {@code onNetwork}.
 */
public final class GlobalTrainer {

	private GlobalTrainer() {
	}

	/**
	 * @param minimumInput the fewest points a window holds before padding
	 * @param perMember training windows of each member per epoch
	 * @param floor the floor of a window's scale as a fraction of its level
	 * @param networks networks of each lookback (1: one)
	 * @param refit {@code true}: after the validation pass of a lookback has chosen the
	 * number of epochs ({@link RefitEpochs}), its served networks are trained again for
	 * that many epochs on all points of every member (the held-out ones included)
	 * @param windows the lookbacks (input windows) of the ensemble, each with
	 * {@code networks} networks; empty: the spec's window alone
	 * @param seasonal {@code true}: with a spec season over 1, every member (and every
	 * history served) is seasonally adjusted as the Theta method does it
	 * ({@link Seasonality#adjust}: only where the seasonal test finds the season), the
	 * networks learn the adjusted values, and the forecasts are multiplied back
	 */
	public record Options(int minimumInput, int perMember, double floor, int networks, boolean refit,
			List<Integer> windows, boolean seasonal) {

		public Options {
			windows = List.copyOf(windows);
		}

		/** Options of the spec's window alone, without seasonal adjustment. */
		public Options(int minimumInput, int perMember, double floor, int networks, boolean refit) {
			this(minimumInput, perMember, floor, networks, refit, List.of(), false);
		}

		/** The period members are adjusted by: the spec's season, or 0 for none. */
		public int seasonalPeriod(TrainSpec spec) {
			return this.seasonal && spec.season() != null && spec.season() > 1 ? spec.season() : 0;
		}

		/**
		 * The defaults for {@code spec}'s window {@code w} and horizon: windows from half
		 * a horizon on, 4 per member per epoch, the level as the scale's floor,
		 * seasonally adjusted, lookbacks {@code w} and {@code 1.5 w} (2 and 3 horizons
		 * with the collection's default window) of five networks each, refit on all
		 * points. On the M3 monthly validation split: these ten 14.19; with {@code 2 w}
		 * too (fifteen) 14.25, or 14.48 without the adjustment; five networks of window
		 * {@code w} 14.57 and one network 15.04 without it.
		 */
		public static Options of(TrainSpec spec) {
			int w = spec.window();
			return new Options(Math.min(w, Math.max(spec.lag() + 2, spec.horizon() / 2)), 4, 1.0, 5, true,
					List.of(w, w + w / 2), true);
		}

		/** The lookbacks for {@code spec}, widest first. */
		public List<Integer> lookbacks(TrainSpec spec) {
			List<Integer> out = new ArrayList<>(this.windows.isEmpty() ? List.of(spec.window()) : this.windows);
			out.sort(Comparator.reverseOrder());
			return out.stream().distinct().toList();
		}

		/**
		 * Networks trained for {@code spec}: with refit, a validation pass and then
		 * {@code networks} for each lookback.
		 */
		public int trainings(TrainSpec spec) {
			int each = Math.max(1, this.networks);
			return lookbacks(spec).size() * (this.refit ? each + 1 : each);
		}

	}

	public static TrainingResult train(TrainSpec spec, List<double[]> members, TrainingMonitor monitor,
			String specJson) {
		return train(spec, members, monitor, specJson, Options.of(spec));
	}

	/**
	 * Trains the networks of every lookback ({@link Options#lookbacks}); the model is the
	 * widest's first network with all others as its {@link TrainedModel#members()}.
	 */
	public static TrainingResult train(TrainSpec spec, List<double[]> members, TrainingMonitor monitor, String specJson,
			Options options) {
		long started = System.nanoTime();
		TrainSpec resolved = spec.toBuilder().normalization(WindowTransform.WINDOW).build();
		WindowTransform transform = new WindowTransform(new Scaler(WindowTransform.LEVEL, 0, options.floor()),
				resolved.lag());
		boolean sequence = Networks.sequenceInput(resolved);
		int wanted = Math.max(1, options.networks());
		List<TrainedModel> networks = new ArrayList<>();
		List<TrainedModel> validated = new ArrayList<>();
		TrainingLoop.Outcome first = null;
		boolean stopped = false;
		int period = options.seasonalPeriod(resolved);
		List<double[]> heldOut = adjusted(members, period, resolved.validation());
		List<double[]> whole = adjusted(members, period, 0);
		int total = options.trainings(resolved);
		int done = 0;
		monitor.networksDone(done, total);
		for (int window : options.lookbacks(resolved)) {
			TrainSpec windowed = resolved.toBuilder().window(window).build();
			TrainSpec served = spec.toBuilder().window(window).build();
			GlobalWindows data = new GlobalWindows(heldOut, window, resolved.horizon(), resolved.validation(),
					options.minimumInput(), options.perMember(), sequence, transform);
			TrainingLoop.Outcome pass = null;
			for (int n = 0; n < wanted && !stopped; n++) {
				TrainSpec seeded = windowed.toBuilder().seed(resolved.seed() + n).build();
				MultiLayerNetwork network = null;
				TrainingLoop.Outcome outcome = null;
				if (pass == null || !options.refit()) {
					network = network(seeded, data);
					TrainSpec validating = options.refit() ? RefitEpochs.validationPass(seeded) : seeded;
					outcome = TrainingLoop.run(validating, network, data, first == null ? monitor : monitor.stopOnly());
					first = first == null ? outcome : first;
					pass = pass == null ? outcome : pass;
					stopped = outcome.errors() == null || outcome.stopped();
					if (stopped) {
						break;
					}
					monitor.networksDone(++done, total);
					if (n == 0) {
						validated.add(model(network, served, transform, sequence, specJson, options, period));
					}
				}
				if (options.refit()) {
					TrainSpec again = seeded.toBuilder()
						.epochs(RefitEpochs.of(pass.curve()))
						.earlyStopping(new TrainSpec.EarlyStopping(0, Double.NEGATIVE_INFINITY, "valMae"))
						.build();
					GlobalWindows all = new GlobalWindows(whole, window, resolved.horizon(), resolved.validation(),
							options.minimumInput(), options.perMember(), sequence, transform, true);
					network = network(again, all);
					outcome = TrainingLoop.run(again, network, all, monitor.stopOnly());
					stopped = outcome.errors() == null || outcome.stopped();
					if (stopped) {
						break;
					}
					monitor.networksDone(++done, total);
				}
				networks.add(model(network, served, transform, sequence, specJson, options, period));
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		if (networks.isEmpty()) {
			return new TrainingResult(null, first.stopped(), 0, Double.NaN, Double.NaN, seconds, first.curve());
		}
		TrainedModel model = networks.get(0).withMembers(networks.subList(1, networks.size()));
		// honest validation errors: a refit model has seen the held-out points, so those
		// of the first network of each lookback's validation pass
		TrainedModel honest = options.refit() ? validated.get(0).withMembers(validated.subList(1, validated.size()))
				: model;
		GlobalScores.Scored scored = GlobalScores.score(honest, members, resolved.validation());
		model = model.withResiduals(scored.residuals(), -1);
		// the naive baselines on the members as they are (not adjusted), at the widest
		// lookback
		GlobalWindows raw = new GlobalWindows(members, options.lookbacks(resolved).get(0), resolved.horizon(),
				resolved.validation(), options.minimumInput(), options.perMember(), sequence, transform);
		double seasonal = Double.NaN;
		Integer season = resolved.season();
		if (season != null && season > 1) {
			seasonal = GlobalScores.mae(raw.baseline(season), raw.validationTargets());
		}
		return new TrainingResult(model, stopped, first.bestEpoch(), scored.mae(), scored.rmse(), seconds,
				first.curve(), GlobalScores.mae(raw.baseline(0), raw.validationTargets()), null, seasonal,
				Double.isFinite(seasonal) ? season : null);
	}

	/**
	 * {@code members} adjusted by the indices of their points before the last
	 * {@code holdout}.
	 */
	private static List<double[]> adjusted(List<double[]> members, int period, int holdout) {
		if (period == 0) {
			return members;
		}
		return members.stream().map(m -> Seasonality.adjust(m, m.length - holdout, period).values()).toList();
	}

	private static MultiLayerNetwork network(TrainSpec spec, GlobalWindows data) {
		int iterations = (data.trainCount() + spec.batchSize() - 1) / spec.batchSize();
		MultiLayerNetwork network = new MultiLayerNetwork(Networks.configure(spec, iterations));
		network.init();
		return network;
	}

	private static TrainedModel model(MultiLayerNetwork network, TrainSpec spec, WindowTransform transform,
			boolean sequence, String specJson, Options options, int seasonalPeriod) {
		return new TrainedModel(network, spec.model(), transform, spec.window(), spec.horizon(), sequence, specJson)
			.withMinimumInput(options.minimumInput())
			.withSeasonalPeriod(seasonalPeriod);
	}

}
