package dev.forecast.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.Predictor;
import dev.forecast.model.serving.Shrinkage;
import dev.forecast.model.serving.TrainedModel;
import dev.forecast.model.training.Ensembles;
import dev.forecast.model.training.ShrinkageFit;
import dev.forecast.model.training.Trainer;
import dev.forecast.model.training.TrainingMonitor;
import dev.forecast.model.training.ValidationResiduals;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scratch check of the neural guard on the series of {@code bench/neural-accuracy.sh},
 * without the service: the default spec of each series (as {@link SpecResolver} makes it)
 * trained on its training part, its validation-fitted {@link Shrinkage}, and the errors
 * of the network alone, shrunk, and of naive on the test part, which neither training nor
 * the shrinkage sees. {@code NETWORKS=n} overrides the ensemble size.
 * <p>
 * {@code java -cp ... dev.forecast.training.NeuralGuardCheck [ids...]} (ids: M3 ids,
 * {@code airline}, {@code sunspots}; default: the 20 M3 series and airline).
 */
public final class NeuralGuardCheck {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SpecResolver RESOLVER = new SpecResolver(
			new TrainingProperties(1000, 4096, 1000, 365, 512, 1, 200, 5_000_000L));

	public static void main(String[] args) throws IOException {
		Path data = Path.of(System.getenv().getOrDefault("DATA_DIR", "/work/shared/data"));
		Map<String, double[][]> m3 = m3(data.resolve("m3/m3.csv"));
		List<String> ids = new ArrayList<>(Arrays.asList(args));
		if (ids.isEmpty()) {
			List<String> all = new ArrayList<>(m3.keySet());
			for (int i = 0; i < all.size() && ids.size() < 20; i += 70) {
				ids.add(all.get(i));
			}
			ids.add("airline");
		}
		System.out.printf("%-9s %-24s %9s %9s %9s %7s %7s %7s %-20s %s%n", "series", "spec", "MAE one", "guarded",
				"naive", "r one", "r ens", "r guard", "shrinkage", "seconds");
		double[] sums = new double[3];
		for (String id : ids) {
			double[] train;
			double[] test;
			boolean rolling = !m3.containsKey(id);
			Integer season = 12;
			if (rolling) {
				double[] all = csv(data.resolve(id.equals("airline") ? "airline_passengers.csv" : "sunspots.csv"));
				int hold = (int) Math.round(all.length * 0.1);
				train = Arrays.copyOf(all, all.length - hold);
				test = all;
			}
			else {
				train = m3.get(id)[0];
				test = m3.get(id)[1];
			}
			TrainSpec base = RESOLVER.resolve(
					JSON.readValue(System.getenv().getOrDefault("SPEC", "{\"series\":1}"), TrainRequest.class),
					train.length, season);
			long started = System.nanoTime();
			int networks = Integer.parseInt(System.getenv().getOrDefault("NETWORKS", "0"));
			TrainedModel ensemble = Trainer
				.train(base, train, TrainingMonitor.NONE, "{}",
						networks > 0 ? networks : Ensembles.size(base, train.length))
				.model();
			double seconds = (System.nanoTime() - started) / 1e9;
			TrainedModel one = ensemble.withMembers(List.of());
			Shrinkage shrink = ShrinkageFit.fit(train, base.validation(),
					ValidationResiduals.forecasts(ensemble, train, base.validation(), 48), season, base.window(),
					ShrinkageFit.damping(base, train.length));
			List<TrainedModel> models = List.of(one, ensemble, ensemble.withShrinkage(shrink));
			double[] errors = rolling ? rolling(models, train.length, test) : multiStep(models, train, test);
			String desc = base.model() + " w" + base.window() + " u" + base.units() + " b" + base.batchSize() + " v"
					+ base.validation();
			System.out.printf("%-9s %-24s %9.2f %9.2f %9.2f %7.3f %7.3f %7.3f %-20s %.0f  members+1: %d%n", id, desc,
					errors[0], errors[1], errors[3], errors[0] / errors[3], errors[1] / errors[3],
					errors[2] / errors[3], shrink.base() + " " + shrink.weight(), seconds, ensemble.members().size());
			if (!rolling) {
				sums[0] += errors[4];
				sums[1] += errors[5];
				sums[2] += errors[6];
			}
		}
		int n = (int) ids.stream().filter(m3::containsKey).count();
		System.out.printf("M3 mean sMAPE: one network %.2f, ensemble %.2f, guarded %.2f over %d%n", sums[0] / n,
				sums[1] / n, sums[2] / n, n);
	}

	/** MAE of each model and of naive; then the models' sMAPE. */
	private static double[] multiStep(List<TrainedModel> models, double[] train, double[] test) {
		int h = test.length;
		double[] naive = new double[h];
		Arrays.fill(naive, train[train.length - 1]);
		double[] out = new double[7];
		for (int m = 0; m < 3; m++) {
			double[] f = Predictor.of(models.get(m)).forecast(new double[][] { train }, h)[0];
			if (System.getenv("PRINT") != null) {
				System.out.println("model " + m + " " + Arrays.toString(Arrays.stream(f).map(Math::rint).toArray()));
			}
			out[m] = mae(test, f);
			out[4 + m] = smape(test, f);
		}
		out[3] = mae(test, naive);
		return out;
	}

	private static double[] rolling(List<TrainedModel> models, int from, double[] all) {
		int count = all.length - from;
		double[] actual = Arrays.copyOfRange(all, from, all.length);
		double[][] histories = new double[count][];
		double[] naive = new double[count];
		for (int i = 0; i < count; i++) {
			histories[i] = Arrays.copyOfRange(all, 0, from + i);
			naive[i] = all[from + i - 1];
		}
		double[] out = new double[4];
		for (int m = 0; m < 3; m++) {
			double[][] f = Predictor.of(models.get(m)).forecast(histories, 1);
			out[m] = mae(actual, Arrays.stream(f).mapToDouble(r -> r[0]).toArray());
		}
		out[3] = mae(actual, naive);
		return out;
	}

	private static double mae(double[] a, double[] f) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += Math.abs(a[i] - f[i]);
		}
		return s / a.length;
	}

	private static double smape(double[] a, double[] f) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			double d = Math.abs(a[i]) + Math.abs(f[i]);
			s += d > 0 ? 200 * Math.abs(a[i] - f[i]) / d : 0;
		}
		return s / a.length;
	}

	private static double[] csv(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file);
		return lines.stream()
			.skip(1)
			.filter(l -> !l.isBlank())
			.mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1).trim()))
			.toArray();
	}

	/** Monthly M3 series by id: train and test values. */
	private static Map<String, double[][]> m3(Path file) throws IOException {
		return ShortSeriesDump.m3(file);
	}

}
