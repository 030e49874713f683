package dev.forecast.model.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.forecast.model.Nd4jThreads;
import dev.forecast.model.TrainSpec;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The reference side of {@code bench/training.sh}: the default network trained with a
 * bare DL4J {@code fit(iterator)} loop, one call per epoch, no job system around it.
 * Arguments: CSV file (values in the last column), epochs, and optionally batch size,
 * ND4J threads and learning rate. Prints one line
 * {@code bare samples/s=… seconds/epoch=… median-seconds/epoch=… valMae=…}.
 */
public final class BareFitBenchmark {

	private BareFitBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		double[] values = readLastColumn(Path.of(args[0]));
		int epochs = Integer.parseInt(args[1]);
		TrainSpec d = TrainSpec.DEFAULTS;
		int batch = args.length > 2 ? Integer.parseInt(args[2]) : d.batchSize();
		int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
		double rate = args.length > 4 ? Double.parseDouble(args[4]) : d.optimizer().learningRate();
		Nd4jThreads.configure(threads);
		TrainSpec spec = d.toBuilder()
			.epochs(epochs)
			.batchSize(batch)
			.optimizer(new TrainSpec.Optimizer(d.optimizer().type(), rate, d.optimizer().momentum()))
			.earlyStopping(new TrainSpec.EarlyStopping(0, 0, "valMae"))
			.build();
		if (System.getProperty("bench.trainer") != null) {
			TrainingResult result = Trainer.train(spec, values, new TrainingMonitor() {
				@Override
				public boolean shouldStop() {
					return false;
				}

				@Override
				public void onEpoch(EpochStats stats, int total) {
					System.out.printf("epoch %d loss=%.4f valLoss=%.4f valMae=%.3f s=%.2f%n", stats.epoch(),
							stats.trainLoss(), stats.valLoss(), stats.valMae(), stats.seconds());
				}
			}, "");
			System.out.printf("trainer bestEpoch=%d valMae=%.3f seconds=%.1f%n", result.bestEpoch(), result.valMae(),
					result.trainSeconds());
			return;
		}
		Trainer.Setup setup = Trainer.setup(spec, values);
		MultiLayerNetwork network = setup.network();
		DataSetIterator iterator = setup.data().trainIterator(batch, spec.shuffle(), spec.seed());
		double[] epochSeconds = new double[epochs];
		long start = System.nanoTime();
		for (int epoch = 0; epoch < epochs; epoch++) {
			long epochStart = System.nanoTime();
			iterator.reset();
			network.fit(iterator);
			epochSeconds[epoch] = (System.nanoTime() - epochStart) / 1e9;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		double[] sorted = epochSeconds.clone();
		java.util.Arrays.sort(sorted);
		double median = epochs % 2 == 1 ? sorted[epochs / 2] : (sorted[epochs / 2 - 1] + sorted[epochs / 2]) / 2;
		double valMae = TrainingLoop
			.evaluate(network, setup.data(), setup.data().validation(), Losses.create(spec.loss()))
			.mae();
		long samples = (long) setup.data().trainCount() * epochs;
		System.out.printf(
				"bare samples/s=%.1f seconds/epoch=%.3f median-seconds/epoch=%.3f valMae=%.3f windows=%d epochs=%d batch=%d threads=%d%n",
				samples / seconds, seconds / epochs, median, valMae, setup.data().trainCount(), epochs, batch, threads);
	}

	static double[] readLastColumn(Path csv) throws IOException {
		List<String> lines = Files.readAllLines(csv);
		return lines.stream()
			.skip(1)
			.filter(line -> !line.isBlank())
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(',') + 1).trim()))
			.toArray();
	}

}
