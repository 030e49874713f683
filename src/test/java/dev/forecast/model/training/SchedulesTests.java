package dev.forecast.model.training;

import java.util.List;

import dev.forecast.model.OneCycle;
import dev.forecast.model.Specs;
import dev.forecast.model.TrainSpec;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SchedulesTests {

	private static final double[] SERIES = TrainedModelTests.sine(160);

	private static TrainSpec.Schedule schedule(String type) {
		return new TrainSpec.Schedule(type);
	}

	@Test
	void perEpochFormulasOfTheCourse() {
		assertThat(Schedules.epochRate(schedule("constant"), 0.01, 7)).isEqualTo(0.01);
		// power: rate / (1 + e/steps)^c
		TrainSpec.Schedule power = new TrainSpec.Schedule("power", 4.0, 2.0, null, null, null, null, null, null, null,
				null);
		assertThat(Schedules.epochRate(power, 0.01, 1)).isEqualTo(0.01);
		assertThat(Schedules.epochRate(power, 0.01, 5)).isCloseTo(0.01 / 4, within(1e-12));
		// exponential: rate · 0.1^(e/20) by default
		assertThat(Schedules.epochRate(schedule("exponential"), 0.01, 21)).isCloseTo(0.001, within(1e-12));
		assertThat(Schedules.epochRate(schedule("exponential"), 0.01, 11)).isCloseTo(0.01 * Math.pow(0.1, 0.5),
				within(1e-12));
		// piecewise: values[k] up to and including boundaries[k]
		TrainSpec.Schedule piecewise = new TrainSpec.Schedule("piecewise", null, null, null, List.of(2, 4),
				List.of(0.1, 0.01, 0.001), null, null, null, null, null);
		assertThat(List.of(1, 2, 3, 4, 5, 9).stream().map(e -> Schedules.epochRate(piecewise, 1, e)).toList())
			.containsExactly(0.1, 0.1, 0.01, 0.01, 0.001, 0.001);
		// range test: 1e-8 · 10^(e/20) by default
		assertThat(Schedules.epochRate(schedule("range_test"), 0.01, 1)).isCloseTo(1e-8, within(1e-20));
		assertThat(Schedules.epochRate(schedule("range_test"), 0.01, 41)).isCloseTo(1e-6, within(1e-15));
	}

	@Test
	void oneCycleRisesToItsPeakAndAnnealsBelowTheStart() {
		OneCycle cycle = new OneCycle(0.001, 0.01, 100);
		assertThat(cycle.valueAt(0, 0)).isEqualTo(0.001);
		assertThat(cycle.valueAt(45, 0)).isCloseTo(0.01, within(1e-12));
		assertThat(cycle.valueAt(90, 0)).isCloseTo(0.001, within(1e-12));
		assertThat(cycle.valueAt(100, 0)).isCloseTo(0.000001, within(1e-12));
		assertThat(cycle.valueAt(20, 0)).isBetween(0.001, 0.01);
	}

	@Test
	void theCurveShowsTheRateEachEpochUsed() {
		TrainSpec spec = Specs.withEpochs(Specs.withSchedule(Specs.tiny("dense"),
				new TrainSpec.Schedule("exponential", 1.0, null, 0.5, null, null, null, null, null, null, null)), 4);
		List<EpochStats> curve = Trainer.train(spec, SERIES, TrainingMonitor.NONE, "").curve();
		assertThat(curve.stream().map(EpochStats::learningRate).toList()).containsExactly(0.01, 0.005, 0.0025, 0.00125);

		TrainSpec cycle = Specs.withEpochs(
				Specs.withSchedule(Specs.tiny("dense"),
						new TrainSpec.Schedule("one_cycle", null, null, null, null, null, null, null, null, 0.1, null)),
				6);
		List<Double> rates = Trainer.train(cycle, SERIES, TrainingMonitor.NONE, "")
			.curve()
			.stream()
			.map(EpochStats::learningRate)
			.toList();
		assertThat(rates.get(2)).isGreaterThan(rates.get(0)).isGreaterThan(0.03);
		assertThat(rates.get(5)).isLessThan(rates.get(0));
	}

	@Test
	void theRateUsedByAStepIsTheScheduledOne() {
		// SGD: a step changes the parameters by rate × gradient, so the rate of epoch 2
		// halves the step
		TrainSpec spec = Specs.withOptimizer(
				Specs.withSchedule(Specs.tiny("dense"), new TrainSpec.Schedule("piecewise", null, null, null,
						List.of(1), List.of(0.1, 0.05), null, null, null, null, null)),
				TrainSpec.Optimizer.defaults("sgd", 0.1));
		Trainer.Setup setup = Trainer.setup(spec, SERIES);
		MultiLayerNetwork network = setup.network();
		DataSet all = setup.data().validation();
		int perEpoch = (setup.data().trainCount() + spec.batchSize() - 1) / spec.batchSize();
		INDArray first = step(network, all);
		network.getLayerWiseConfigurations().setIterationCount(perEpoch); // the first
																			// step of
																			// epoch 2
		network.setParams(network.params().add(first)); // back to the same weights
		INDArray second = step(network, all);
		assertThat(first.amaxNumber().doubleValue()).isGreaterThan(1e-3);
		assertThat(second.sub(first.mul(0.5)).amaxNumber().doubleValue()).isLessThan(1e-5);
	}

	private static INDArray step(MultiLayerNetwork network, DataSet batch) {
		INDArray before = network.params().dup();
		network.fit(batch);
		return before.sub(network.params());
	}

	@Test
	void plateauReducesTheRateOfEveryLayerWrappedAndSameDiffOnesIncluded() {
		for (String model : List.of("conv_lstm", "gru")) {
			TrainSpec spec = Specs.withOptimizer(
					Specs.withSchedule(Specs.tiny(model),
							new TrainSpec.Schedule("plateau", null, null, null, null, null, 0.5, 2, null, null, null)),
					TrainSpec.Optimizer.defaults("sgd", 0.1));
			Trainer.Setup setup = Trainer.setup(spec, SERIES);
			MultiLayerNetwork network = setup.network();
			DataSet batch = setup.data().validation();
			INDArray params = network.params().dup();
			INDArray full = step(network, batch);
			network.setParams(params.dup());
			RateControl control = new RateControl(spec, network);
			assertThat(control.afterEpoch(stats(1, 1.0))).isFalse();
			control.afterEpoch(stats(2, 1.1));
			assertThat(RateControl.currentRate(network)).isEqualTo(0.1);
			control.afterEpoch(stats(3, 1.05)); // two epochs without improvement
			assertThat(RateControl.currentRate(network)).isCloseTo(0.05, within(1e-12));
			network.getLayerWiseConfigurations().setIterationCount(0);
			INDArray half = step(network, batch);
			// every parameter moved half as far: every layer got the new rate
			assertThat(half.sub(full.mul(0.5)).amaxNumber().doubleValue()).as(model).isLessThan(1e-5);
			assertThat(full.amaxNumber().doubleValue()).isGreaterThan(1e-3);
		}
	}

	private static EpochStats stats(int epoch, double valLoss) {
		return new EpochStats(epoch, 1.0, valLoss, valLoss, 0.1, 0.1);
	}

	@Test
	void plateauInTrainingLowersTheCurvesRate() {
		// a rate too small to move float weights: the validation loss never improves
		// after epoch 1
		TrainSpec spec = Specs.withEpochs(Specs.withOptimizer(
				Specs.withSchedule(Specs.tiny("dense"),
						new TrainSpec.Schedule("plateau", null, null, null, null, null, 0.5, 1, 2e-12, null, null)),
				TrainSpec.Optimizer.defaults("sgd", 1e-11)), 5);
		List<Double> rates = Trainer.train(spec, SERIES, TrainingMonitor.NONE, "")
			.curve()
			.stream()
			.map(EpochStats::learningRate)
			.toList();
		assertThat(rates).hasSize(5);
		// epoch 2 is the first without improvement (patience 1): epoch 3 runs at half the
		// rate
		assertThat(rates.get(1)).isEqualTo(1e-11);
		assertThat(rates.get(2)).isCloseTo(5e-12, within(1e-20));
		assertThat(rates.get(3)).isCloseTo(2.5e-12, within(1e-20));
		assertThat(rates.get(4)).as("not below minRate").isCloseTo(2e-12, within(1e-20));
	}

	@Test
	void rangeTestGrowsTheRateEndsAtDivergenceAndSuggestsARate() {
		TrainSpec spec = Specs.withEpochs(Specs.withOptimizer(Specs.withSchedule(Specs.tiny("dense"),
				new TrainSpec.Schedule("range_test", null, null, null, null, null, 4.0, null, null, null, 1e-5)),
				TrainSpec.Optimizer.defaults("sgd", 0.01)), 16);
		TrainingResult result = Trainer.train(spec, SERIES, TrainingMonitor.NONE, "");
		List<EpochStats> curve = result.curve();
		assertThat(curve.get(0).learningRate()).isCloseTo(1e-5, within(1e-12));
		assertThat(curve.get(1).learningRate()).isCloseTo(4e-5, within(1e-12));
		assertThat(curve.size()).as("ended at divergence").isLessThan(16);
		double suggested = RangeTest.suggest(curve).orElseThrow();
		assertThat(suggested).isBetween(curve.get(0).learningRate(), curve.get(curve.size() - 1).learningRate());
	}

	@Test
	void suggestedRateIsWhereTheLossFellFastestBeforeItsLowestPoint() {
		double[] rates = { 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1 };
		double[] losses = { 1.0, 0.95, 0.5, 0.3, 0.25, 5.0 };
		List<EpochStats> curve = new java.util.ArrayList<>();
		for (int i = 0; i < rates.length; i++) {
			curve.add(new EpochStats(i + 1, losses[i], losses[i], 1, rates[i], 0.1));
		}
		assertThat(RangeTest.suggest(curve).orElseThrow()).isCloseTo(Math.sqrt(1e-4 * 1e-3), within(1e-12));
		assertThat(RangeTest.suggest(curve.subList(0, 1))).isEmpty();
	}

}
