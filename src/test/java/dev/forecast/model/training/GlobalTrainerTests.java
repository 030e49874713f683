package dev.forecast.model.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.ModelCodec;
import dev.forecast.model.serving.Predictor;
import dev.forecast.model.serving.TrainedModel;
import dev.forecast.training.CollectionDefaults;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * One network trained on the windows of several series of very different scales, trends
 * and lengths (one shorter than window and horizon) beats naive on every member's
 * held-out points, and serves any series, a short one too, as it was validated.
 */
class GlobalTrainerTests {

	static final int SEASON = 12;

	/** A seasonal series of {@code length} points at {@code level} with a trend. */
	static double[] series(int length, double level, double trend, long seed) {
		Random random = new Random(seed);
		double[] values = new double[length];
		for (int t = 0; t < length; t++) {
			double season = Math.sin(2 * Math.PI * t / SEASON) * 0.3;
			values[t] = level * (1 + trend * t + season + 0.03 * random.nextGaussian());
		}
		return values;
	}

	static List<double[]> members() {
		List<double[]> members = new ArrayList<>();
		double[] levels = { 0.5, 20, 3_000, 1e6, 75, 9 };
		double[] trends = { 0.01, -0.004, 0, 0.02, 0.005, -0.002 };
		int[] lengths = { 120, 90, 150, 60, 100, 26 };
		for (int i = 0; i < levels.length; i++) {
			members.add(series(lengths[i], levels[i], trends[i], i));
		}
		return members;
	}

	static TrainSpec spec() {
		return TrainSpec.builder()
			.model("nbeats")
			.units(32)
			.window(24)
			.horizon(6)
			.validation(6)
			.epochs(40)
			.batchSize(32)
			.loss("mae")
			.optimizer(TrainSpec.Optimizer.defaults("adam", 1e-3))
			.schedule(new TrainSpec.Schedule("constant"))
			.earlyStopping(new TrainSpec.EarlyStopping(10, 0, "valMae"))
			.season(SEASON)
			.build();
	}

	@Test
	void oneNetworkOverSeriesOfAllScalesBeatsNaiveOnTheirHeldOutPoints() {
		List<double[]> members = members();
		GlobalTrainer.Options options = new GlobalTrainer.Options(8, 16, 0.05, 1, false);
		List<Integer> epochs = new ArrayList<>();
		TrainingMonitor monitor = new TrainingMonitor() {

			@Override
			public boolean shouldStop() {
				return false;
			}

			@Override
			public void onEpoch(EpochStats stats, int total) {
				epochs.add(stats.epoch());
			}

		};
		TrainingResult result = GlobalTrainer.train(spec(), members, monitor, "{}", options);

		// one network: no onNetwork (the default method, which does nothing)
		assertThat(epochs).isNotEmpty().hasSize(result.curve().size());
		assertThat(result.naiveMae()).isGreaterThan(0);
		assertThat(result.valMae()).isLessThan(result.naiveMae());
		assertThat(result.vsNaive().naive()).isLessThan(1);
		TrainedModel model = result.model();
		assertThat(model.minimumInput()).isEqualTo(8);
		assertThat(model.scaleFreeResiduals()).isTrue();
		assertThat(model.residuals()).hasNumberOfRows(6);

		// the served model (JVM pass, edge padding in the predictor) scores what the
		// training loop measured for the kept epoch (ND4J, padding in the windows), the
		// short member included
		double trained = result.curve().get(result.bestEpoch() - 1).valMae();
		assertThat(result.valMae()).isCloseTo(trained, within(1e-4 * trained));

		// any series: a new one ten times larger, forecast from fewer points than the
		// window, the same after a round trip through the codec
		double[] other = series(40, 2e4, 0.01, 99);
		double[] shortHistory = Arrays.copyOf(other, 14);
		TrainedModel restored = ModelCodec.decode(ModelCodec.encode(model));
		assertThat(restored.minimumInput()).isEqualTo(8);
		double[] forecast = Predictor.of(model).predict(shortHistory);
		assertThat(Predictor.of(restored).predict(shortHistory)).containsExactly(forecast);
		for (int k = 0; k < 6; k++) {
			assertThat(forecast[k]).isBetween(1e4, 3e4);
		}
		assertThat(model.residualScale(shortHistory))
			.isGreaterThan(model.residualScale(Arrays.copyOf(members.get(0), 14)));
		assertThatIllegalArgumentException().isThrownBy(() -> Predictor.of(model).predict(Arrays.copyOf(other, 7)))
			.withMessageContaining("8");
	}

	@Test
	void aRefitEnsembleTrainsItsNetworksOnAllPointsForTheChosenEpochs() {
		List<double[]> members = members();
		GlobalTrainer.Options options = new GlobalTrainer.Options(8, 16, 1.0, 2, true);
		TrainingResult result = GlobalTrainer.train(spec(), members, TrainingMonitor.NONE, "{}", options);
		assertThat(result.model().members()).hasSize(1);
		assertThat(result.valMae()).isLessThan(result.naiveMae());
		double[] history = members.get(2);
		double[] forecast = Predictor.of(result.model()).predict(history);
		assertThat(forecast[0]).isBetween(2000.0, 4000.0);
	}

	@Test
	void anEnsembleOverLookbacksServesTheMedianOfNetworksReadingTheirOwnWindows() {
		List<double[]> members = members();
		GlobalTrainer.Options options = new GlobalTrainer.Options(8, 16, 1.0, 1, true, List.of(12, 24), false);
		assertThat(options.lookbacks(spec())).containsExactly(24, 12);
		assertThat(options.trainings(spec())).isEqualTo(4);
		NetworkCalls networks = new NetworkCalls(false);
		TrainingResult result = GlobalTrainer.train(spec().toBuilder().window(12).build(), members, networks, "{}",
				options);
		// every training (each lookback's validation pass and refit) is counted, from 0
		assertThat(networks.calls).containsExactly("0/4", "1/4", "2/4", "3/4", "4/4");
		TrainedModel model = result.model();
		// the widest first, so the service's cut of the last window() points feeds all
		assertThat(model.window()).isEqualTo(24);
		assertThat(model.members()).hasSize(1);
		assertThat(model.members().get(0).window()).isEqualTo(12);
		assertThat(result.valMae()).isLessThan(result.naiveMae());

		// each network reads its own last window: the values before the last 12 move only
		// the wide one's forecast, and a history shorter than both is padded for each
		double[] history = members.get(2);
		double[] changed = history.clone();
		changed[history.length - 20] *= 3;
		Predictor predictor = Predictor.of(model);
		double[] wide = Predictor.of(model.withMembers(List.of())).predict(history);
		double[] narrow = Predictor.of(model.members().get(0)).predict(history);
		double[] served = predictor.predict(history);
		for (int k = 0; k < 6; k++) {
			assertThat(served[k]).isCloseTo((wide[k] + narrow[k]) / 2, within(1e-6 * Math.abs(served[k])));
		}
		assertThat(Predictor.of(model.members().get(0)).predict(changed)).containsExactly(narrow);
		assertThat(predictor.forecast(new double[][] { Arrays.copyOf(history, 10) }, 9)[0]).hasSize(9);
		TrainedModel restored = ModelCodec.decode(ModelCodec.encode(model));
		assertThat(restored.members().get(0).window()).isEqualTo(12);
		assertThat(Predictor.of(restored).predict(Arrays.copyOf(history, 10)))
			.containsExactly(predictor.predict(Arrays.copyOf(history, 10)));
	}

	@Test
	void stopsWithinABatch() {
		NetworkCalls stop = new NetworkCalls(true);
		TrainingResult result = GlobalTrainer.train(spec(), members(), stop, "{}");
		assertThat(result.stopped()).isTrue();
		assertThat(result.model()).isNull();
		// the defaults' 2 lookbacks of a validation pass and 5 refits; none finished
		assertThat(stop.calls).containsExactly("0/12");
	}

	/** Records the {@code onNetwork} calls as {@code done/total}. */
	static final class NetworkCalls implements TrainingMonitor {

		final List<String> calls = new ArrayList<>();

		private final boolean stop;

		NetworkCalls(boolean stop) {
			this.stop = stop;
		}

		@Override
		public boolean shouldStop() {
			return this.stop;
		}

		@Override
		public void onEpoch(EpochStats stats, int epochs) {
		}

		@Override
		public void onNetwork(int done, int total) {
			this.calls.add(done + "/" + total);
		}

	}

	@Test
	void defaultsFollowTheCollection() {
		CollectionDefaults monthly = CollectionDefaults.of(new int[1428], 18, 12);
		assertThat(monthly.model()).isEqualTo("nbeats");
		assertThat(monthly.validation()).isEqualTo(18);
		assertThat(monthly.window()).isBetween(36, 90);
		CollectionDefaults huge = CollectionDefaults.of(new int[1_000_000], 18, 12);
		CollectionDefaults small = CollectionDefaults.of(new int[3], 6, null);
		assertThat(huge.epochs()).isLessThanOrEqualTo(monthly.epochs()).isPositive();
		assertThat(small.epochs()).isGreaterThanOrEqualTo(monthly.epochs()).isLessThanOrEqualTo(200);
		assertThat(small.window()).isBetween(8, 120);
	}

}
