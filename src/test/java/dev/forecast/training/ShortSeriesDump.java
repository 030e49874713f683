package dev.forecast.training;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.forecast.model.Nd4jThreads;
import dev.forecast.model.Seasonality;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.Predictor;
import dev.forecast.model.serving.Shrinkage;
import dev.forecast.model.serving.TrainedModel;
import dev.forecast.model.training.Trainer;
import dev.forecast.model.training.TrainingMonitor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tuning data for the defaults on short series, without the service: for monthly M3
 * series other than the benchmark's (every {@code STEP}-th monthly id from
 * {@code OFFSET}, e.g. 35: N1437, N1507, ...), trains the default spec as
 * {@link SpecResolver} makes it ({@code SPEC} overrides fields, {@code FRACTION} sets the
 * validation part to that share of the series) with {@code NETWORKS} seeds on the
 * training part, and writes one JSON line per series: its training and test parts, the
 * spec's window and validation, and each network's forecasts (no ensemble, no shrinkage)
 * {@code STEPS} ahead from every validation origin and from the end of the training part.
 * {@code DIRECT_HORIZON=12} trains a direct multi-step output of that horizon instead
 * (forecasts beyond it recursive in blocks), with the window of the default at most half
 * of the training part the horizon leaves. {@code bench/short-series-guard.py} scores
 * guard and ensemble variants on them; the networks never see the test part.
 * <p>
 * {@code java -cp ... dev.forecast.training.ShortSeriesDump out.jsonl [ids...]}
 */
public final class ShortSeriesDump {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SpecResolver RESOLVER = new SpecResolver(
			new TrainingProperties(1000, 4096, 1000, 365, 512, 1, 200, 5_000_000L));

	private ShortSeriesDump() {
	}

	public static void main(String[] args) throws IOException {
		Nd4jThreads.configure(1);
		Map<String, String> env = System.getenv();
		Path data = Path.of(env.getOrDefault("DATA_DIR", "/work/shared/data"));
		Map<String, double[][]> m3 = m3(data.resolve("m3/m3.csv"));
		List<String> ids = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
		if (ids.isEmpty()) {
			List<String> all = new ArrayList<>(m3.keySet());
			int offset = Integer.parseInt(env.getOrDefault("OFFSET", "35"));
			int step = Integer.parseInt(env.getOrDefault("STEP", "70"));
			for (int i = offset; i < all.size(); i += step) {
				ids.add(all.get(i));
			}
		}
		int networks = Integer.parseInt(env.getOrDefault("NETWORKS", "5"));
		int steps = Integer.parseInt(env.getOrDefault("STEPS", "18"));
		String request = env.getOrDefault("SPEC", "{\"series\":1}");
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0])))) {
			for (String id : ids) {
				double[] train = m3.get(id)[0];
				double[] test = m3.get(id)[1];
				String fraction = env.get("FRACTION"); // validation as this share of the
														// series
				String spec0 = fraction == null ? request : request.replace("}",
						",\"validation\":" + Math.round(train.length * Double.parseDouble(fraction)) + "}");
				TrainSpec spec = RESOLVER.resolve(JSON.readValue(spec0, TrainRequest.class), train.length, 12);
				String direct = env.get("DIRECT_HORIZON");
				if (direct != null) {
					spec = direct(spec0, Integer.parseInt(direct), spec.window(), train.length);
				}
				long started = System.nanoTime();
				int trainEnd = train.length - spec.validation();
				// SEASONAL=1: trained and forecast seasonally adjusted (Theta's indices
				// of the
				// points before the validation part), forecasts multiplied back
				Seasonality.Adjusted adjusted = Seasonality.adjust(train, trainEnd,
						"1".equals(env.get("SEASONAL")) ? 12 : 1);
				double[] fitted = adjusted.values();
				TrainedModel ensemble = Trainer.train(spec, fitted, TrainingMonitor.NONE, "{}", networks).model();
				List<TrainedModel> members = new ArrayList<>();
				members.add(ensemble.withMembers(List.of()).withShrinkage(Shrinkage.NONE));
				ensemble.members().forEach(m -> members.add(m.withMembers(List.of()).withShrinkage(Shrinkage.NONE)));
				double[][] histories = new double[spec.validation() + 1][];
				for (int i = 0; i <= spec.validation(); i++) {
					histories[i] = Arrays.copyOfRange(fitted, trainEnd + i - spec.window(), trainEnd + i);
				}
				List<double[][]> forecasts = new ArrayList<>();
				for (TrainedModel member : members) {
					double[][] f = Predictor.of(member).forecast(histories, steps);
					for (int i = 0; adjusted.seasonal() && i < f.length; i++) {
						for (int k = 0; k < steps; k++) {
							f[i][k] *= adjusted.index(trainEnd + i + k);
						}
					}
					forecasts.add(f);
				}
				Map<String, Object> line = new LinkedHashMap<>();
				line.put("id", id);
				line.put("window", spec.window());
				line.put("validation", spec.validation());
				line.put("units", spec.units());
				line.put("model", spec.model());
				line.put("train", train);
				line.put("test", test);
				line.put("forecasts", forecasts);
				line.put("seconds", (System.nanoTime() - started) / 1e9);
				out.println(JSON.writeValueAsString(line));
				out.flush();
				System.out.printf("%s n=%d w=%d v=%d %.0f s%n", id, train.length, spec.window(), spec.validation(),
						(System.nanoTime() - started) / 1e9);
			}
		}
	}

	/**
	 * The spec of {@code request} with a direct {@code horizon} (its validation at least
	 * the horizon) and the window of the recursive default, at most half of the training
	 * part the horizon leaves ({@code (train - horizon + 1) / 2}), so that about as many
	 * windows train as points the window reads.
	 */
	private static TrainSpec direct(String request, int horizon, int recursiveWindow, int length) throws IOException {
		String withHorizon = request.replace("}", ",\"horizon\":" + horizon + "}");
		TrainSpec spec = RESOLVER.resolve(JSON.readValue(withHorizon, TrainRequest.class), length, 12);
		int train = length - spec.validation();
		int window = Math.min(recursiveWindow, (train - horizon + 1) / 2);
		return RESOLVER.resolve(
				JSON.readValue(withHorizon.replace("}", ",\"window\":" + window + "}"), TrainRequest.class), length,
				12);
	}

	/** Monthly M3 series by id: train and test values. */
	static Map<String, double[][]> m3(Path file) throws IOException {
		Map<String, List<Double>[]> parts = new TreeMap<>();
		List<String> lines = Files.readAllLines(file);
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",");
			if (!"MONTHLY".equals(f[1])) {
				continue;
			}
			@SuppressWarnings("unchecked")
			List<Double>[] p = parts.computeIfAbsent(f[0], k -> new List[] { new ArrayList<>(), new ArrayList<>() });
			p["train".equals(f[8]) ? 0 : 1].add(Double.parseDouble(f[10]));
		}
		Map<String, double[][]> out = new TreeMap<>();
		parts.forEach((id, p) -> out.put(id, new double[][] { p[0].stream().mapToDouble(Double::doubleValue).toArray(),
				p[1].stream().mapToDouble(Double::doubleValue).toArray() }));
		return out;
	}

}
