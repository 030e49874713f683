package dev.forecast.model.training;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.TrainedModel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Training on one series: its {@link WindowedData} through the {@link TrainingLoop} (one
 * {@code fit} per batch, so a stop request takes effect within one batch, validation
 * after every epoch, early stopping that restores the best epoch's weights). It runs on
 * the calling thread and holds no locks or transactions.
 */
public final class Trainer {

	private Trainer() {
	}

	/**
	 * The network {@code spec} describes over {@code series}, untrained, with its data.
	 */
	public static Setup setup(TrainSpec spec, double[] series) {
		boolean sequence = Networks.sequenceInput(spec);
		WindowedData data = WindowedData.of(series, spec.window(), spec.horizon(), spec.validation(),
				spec.normalization(), spec.lag(), sequence);
		int iterationsPerEpoch = (data.trainCount() + spec.batchSize() - 1) / spec.batchSize();
		MultiLayerNetwork network = new MultiLayerNetwork(Networks.configure(spec, iterationsPerEpoch));
		network.init();
		return new Setup(network, data, sequence);
	}

	/** A network and the windows it trains on. */
	public record Setup(MultiLayerNetwork network, WindowedData data, boolean sequenceInput) {
	}

	/**
	 * Trains {@code spec}'s network on {@code series} (its last {@code spec.validation()}
	 * points held out). {@code specJson} travels with the model as its description.
	 */
	public static TrainingResult train(TrainSpec spec, double[] series, TrainingMonitor monitor, String specJson) {
		return train(spec, series, monitor, specJson, 1);
	}

	/**
	 * Trains an ensemble of {@code networks} networks of {@code spec} (seeds
	 * {@code seed}, {@code seed + 1}, ...; the first reports its epochs to
	 * {@code monitor}, all stop when it says so, and with several each network's end is
	 * told to its {@code onNetwork}) whose model serves the median of their forecasts;
	 * validation errors are the ensemble's.
	 */
	public static TrainingResult train(TrainSpec spec, double[] series, TrainingMonitor monitor, String specJson,
			int networks) {
		monitor.networksDone(0, networks);
		TrainingResult first = trainOne(spec, series, monitor, specJson);
		if (networks <= 1 || first.model() == null || first.stopped()) {
			return first;
		}
		monitor.networksDone(1, networks);
		TrainingMonitor stopOnly = monitor.stopOnly();
		List<TrainedModel> members = new ArrayList<>();
		double seconds = first.trainSeconds();
		for (int m = 1; m < networks; m++) {
			TrainingResult member = trainOne(spec.toBuilder().seed(spec.seed() + m).build(), series, stopOnly,
					specJson);
			seconds += member.trainSeconds();
			if (member.model() == null || member.stopped()) {
				return new TrainingResult(first.model(), true, first.bestEpoch(), first.valMae(), first.valRmse(),
						seconds, first.curve());
			}
			monitor.networksDone(m + 1, networks);
			members.add(member.model());
		}
		TrainedModel model = first.model().withMembers(members);
		double[] errors = validationErrors(model, series, spec.validation());
		return new TrainingResult(model, false, first.bestEpoch(), errors[0], errors[1], seconds, first.curve(),
				first.naiveMae(), first.suggestedLearningRate(), first.seasonalNaiveMae(), first.season());
	}

	/**
	 * MAE and RMSE of {@code model}'s direct forecasts of the validation windows (every
	 * origin whose {@code horizon} targets lie in the series), series units.
	 */
	static double[] validationErrors(TrainedModel model, double[] series, int validation) {
		int trainEnd = series.length - validation;
		double[][] forecasts = ValidationResiduals.forecasts(model, series, validation, model.horizon());
		double absolute = 0;
		double squared = 0;
		long count = 0;
		for (int i = 0; i + model.horizon() <= validation; i++) {
			for (int k = 0; k < model.horizon(); k++) {
				double error = forecasts[i][k] - series[trainEnd + i + k];
				absolute += Math.abs(error);
				squared += error * error;
				count++;
			}
		}
		return new double[] { absolute / count, Math.sqrt(squared / count) };
	}

	private static TrainingResult trainOne(TrainSpec spec, double[] series, TrainingMonitor monitor, String specJson) {
		long started = System.nanoTime();
		Setup setup = setup(spec, series);
		MultiLayerNetwork network = setup.network();
		WindowedData data = setup.data();
		TrainingLoop.Outcome outcome = TrainingLoop.run(spec, network, data, monitor);
		List<EpochStats> curve = outcome.curve();
		double seconds = (System.nanoTime() - started) / 1e9;
		if (outcome.errors() == null) {
			return new TrainingResult(null, outcome.stopped(), 0, Double.NaN, Double.NaN, seconds, curve);
		}
		TrainingLoop.Errors errors = outcome.errors();
		TrainedModel model = new TrainedModel(network, spec.model(), data.transform(), spec.window(), spec.horizon(),
				setup.sequenceInput(), specJson);
		Double suggested = null;
		if (Schedules.RANGE_TEST.equals(spec.schedule().type())) {
			OptionalDouble suggestion = RangeTest.suggest(curve);
			suggested = suggestion.isPresent() ? suggestion.getAsDouble() : null;
		}
		return new TrainingResult(model, outcome.stopped(), outcome.bestEpoch(), errors.mae(), errors.rmse(), seconds,
				curve, Diagnosis.naiveMae(series, spec.window(), spec.horizon(), spec.validation()), suggested,
				NaiveBaselines.seasonalNaiveMae(series, spec.horizon(), spec.validation(), spec.season()),
				spec.season());
	}

}
