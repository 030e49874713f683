package dev.forecast.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.forecast.forecast.stats.Theta;
import dev.forecast.model.Nd4jThreads;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.serving.Predictor;
import dev.forecast.model.serving.TrainedModel;
import dev.forecast.model.training.EpochStats;
import dev.forecast.model.training.GlobalTrainer;
import dev.forecast.model.training.TrainingMonitor;
import dev.forecast.model.training.TrainingResult;
import dev.forecast.training.CollectionDefaults;

/**
 * A global model on the 1428 monthly M3 series (issue 19), without the service: the
 * networks {@link GlobalTrainer} trains on the windows of the monthly training parts,
 * which then forecasts the 18 points after each training part; prints its sMAPE beside
 * THETA's 13.89 and the participants' monthly table, and the training wall time.
 * <p>
 * {@code --validation}: the tuning split. The model sees each training part less its last
 * 18 points and is scored on those 18 (the test parts are not read into any forecast);
 * the participants' table does not apply there, so the service's own theta and the naive
 * methods are scored on the same split instead. Within what the model sees, the trainer
 * holds out each member's last {@code --holdout} points (18) for early stopping.
 * <p>
 * Options (defaults from {@link CollectionDefaults}): {@code --data DIR},
 * {@code --window}, {@code --units}, {@code --batch}, {@code --epochs},
 * {@code --per-member}, {@code --floor}, {@code --lr}, {@code --loss}, {@code --networks}
 * (of each lookback), {@code --windows W1,W2,...} (the lookbacks; default
 * {@code --window}'s alone), {@code --refit true|false}, {@code --seasonal true|false}
 * (seasonal adjustment), {@code --min-input}, {@code --patience}, {@code --threads},
 * {@code --seed}, {@code --dump FILE} (every network's forecasts and the actual values,
 * to choose ensembles offline).
 */
public final class GlobalModelBenchmark {

	static final int HORIZON = 18;

	static final double THETA_MONTHLY = 13.89;

	private GlobalModelBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> o = options(args);
		boolean validation = o.containsKey("validation");
		Path data = Path.of(o.getOrDefault("data", "../shared/data/m3"));
		Nd4jThreads.configure(Integer.parseInt(o.getOrDefault("threads", "1")));
		List<M3Data.Series> monthly = M3Data.series(data.resolve("m3.csv"))
			.stream()
			.filter(s -> s.period().equals("MONTHLY"))
			.toList();
		List<double[]> members = new ArrayList<>();
		List<double[]> actuals = new ArrayList<>();
		for (M3Data.Series s : monthly) {
			double[] train = s.train();
			members.add(validation ? Arrays.copyOf(train, train.length - HORIZON) : train);
			actuals.add(validation ? Arrays.copyOfRange(train, train.length - HORIZON, train.length) : null);
		}
		int[] lengths = members.stream().mapToInt(m -> m.length).toArray();
		CollectionDefaults d = CollectionDefaults.of(lengths, HORIZON, 12);
		TrainSpec spec = TrainSpec.builder()
			.model(o.getOrDefault("model", d.model()))
			.units(integer(o, "units", d.units()))
			.window(integer(o, "window", d.window()))
			.horizon(HORIZON)
			.validation(integer(o, "holdout", d.validation()))
			.epochs(integer(o, "epochs", d.epochs()))
			.batchSize(integer(o, "batch", d.batchSize()))
			.loss(o.getOrDefault("loss", d.loss()))
			.optimizer(TrainSpec.Optimizer.defaults("adam",
					Double.parseDouble(o.getOrDefault("lr", String.valueOf(d.learningRate())))))
			.schedule(new TrainSpec.Schedule("constant"))
			.earlyStopping(new TrainSpec.EarlyStopping(integer(o, "patience", d.patience()), 0,
					o.getOrDefault("monitor", "valMae")))
			.seed(integer(o, "seed", 42))
			.season(12)
			.build();
		GlobalTrainer.Options defaults = GlobalTrainer.Options.of(spec);
		GlobalTrainer.Options options = new GlobalTrainer.Options(integer(o, "min-input", defaults.minimumInput()),
				integer(o, "per-member", defaults.perMember()),
				Double.parseDouble(o.getOrDefault("floor", String.valueOf(defaults.floor()))),
				integer(o, "networks", defaults.networks()),
				Boolean.parseBoolean(o.getOrDefault("refit", String.valueOf(defaults.refit()))),
				o.containsKey("windows") ? Arrays.stream(o.get("windows").split(",")).map(Integer::valueOf).toList()
						: defaults.windows(),
				Boolean.parseBoolean(o.getOrDefault("seasonal", String.valueOf(defaults.seasonal()))));
		System.out.printf("%s split, %d monthly series, spec %s, %s, %d threads, load before %.2f%n",
				validation ? "VALIDATION" : "TEST", members.size(), spec, options, Nd4jThreads.maxThreads(), load());
		TrainingResult result = GlobalTrainer.train(spec, members, new Progress(), "", options);
		TrainedModel model = result.model();
		double[][] histories = members.toArray(new double[0][]);
		double[][] forecasts = Predictor.of(model).forecast(histories, HORIZON);
		if (!validation) {
			actuals = testParts(monthly);
		}
		if (o.containsKey("dump")) {
			dump(Path.of(o.get("dump")), model, histories, actuals);
		}
		SmapeTable global = new SmapeTable();
		SmapeTable naive = new SmapeTable();
		SmapeTable theta = new SmapeTable();
		for (int i = 0; i < members.size(); i++) {
			double[] history = members.get(i);
			global.add("MONTHLY", actuals.get(i), forecasts[i]);
			double[] last = new double[HORIZON];
			Arrays.fill(last, history[history.length - 1]);
			naive.add("MONTHLY", actuals.get(i), last);
			if (validation) {
				theta.add("MONTHLY", actuals.get(i), Theta.fit(history, 12).forecast(HORIZON));
			}
		}
		System.out.printf(
				"trained in %.1f s (load after %.2f), %d epochs, best %d, scaled val MAE %.4f, naive %.4f "
						+ "(vs naive %s)%n",
				result.trainSeconds(), load(), result.curve().size(), result.bestEpoch(), result.valMae(),
				result.naiveMae(), result.vsNaive());
		System.out.printf("%nmonthly sMAPE on the %s split: global %s %.2f | naive %.2f%s | THETA (M3, test) %.2f%n",
				validation ? "validation" : "test", spec.model(), global.mean("MONTHLY"), naive.mean("MONTHLY"),
				validation ? String.format(" | service theta %.2f", theta.mean("MONTHLY")) : "", THETA_MONTHLY);
		if (!validation) {
			Map<String, M3Data.Series> byId = new HashMap<>();
			monthly.forEach(s -> byId.put(s.id(), s));
			System.out.println("\n| method | MONTHLY |\n| --- | --- |");
			System.out.printf("| global %s (this run) | %.2f |%n", spec.model(), global.mean("MONTHLY"));
			M3Benchmark.score(M3Data.participants(data.resolve("m3_participants.csv"), byId), byId)
				.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByValue((a, b) -> Double.compare(a.mean("MONTHLY"), b.mean("MONTHLY"))))
				.forEach(e -> System.out.printf("| %s | %.2f |%n", e.getKey(), e.getValue().mean("MONTHLY")));
		}
	}

	/**
	 * Writes every network's forecasts ({@code network,<index>,<lookback>,<series>,f1..})
	 * and the actual values ({@code actual,-1,0,<series>,...}) for choosing ensembles
	 * offline.
	 */
	private static void dump(Path file, TrainedModel model, double[][] histories, List<double[]> actuals)
			throws IOException {
		List<TrainedModel> networks = new ArrayList<>();
		networks.add(model.withMembers(List.of()));
		networks.addAll(model.members());
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < actuals.size(); i++) {
			row(out, "actual", -1, 0, i, actuals.get(i));
		}
		for (int n = 0; n < networks.size(); n++) {
			TrainedModel network = networks.get(n);
			double[][] forecasts = Predictor.of(network).forecast(histories, HORIZON);
			for (int i = 0; i < forecasts.length; i++) {
				row(out, "network", n, network.window(), i, forecasts[i]);
			}
		}
		java.nio.file.Files.writeString(file, out);
	}

	private static void row(StringBuilder out, String kind, int network, int window, int series, double[] values) {
		out.append(kind).append(',').append(network).append(',').append(window).append(',').append(series);
		for (double v : values) {
			out.append(',').append(v);
		}
		out.append('\n');
	}

	private static List<double[]> testParts(List<M3Data.Series> monthly) {
		return monthly.stream().map(M3Data.Series::test).toList();
	}

	private static double load() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static int integer(Map<String, String> options, String key, int fallback) {
		return options.containsKey(key) ? Integer.parseInt(options.get(key)) : fallback;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			String key = args[i].replaceFirst("^--", "");
			if (key.equals("validation")) {
				options.put(key, "true");
			}
			else {
				options.put(key, args[++i]);
			}
		}
		return options;
	}

	/** Prints every epoch. */
	private static final class Progress implements TrainingMonitor {

		private final long started = System.nanoTime();

		@Override
		public boolean shouldStop() {
			return false;
		}

		@Override
		public void onEpoch(EpochStats stats, int epochs) {
			System.out.printf("epoch %3d/%d loss %.4f val loss %.4f val scaled MAE %.4f  %.1f s (total %.0f s)%n",
					stats.epoch(), epochs, stats.trainLoss(), stats.valLoss(), stats.valMae(), stats.seconds(),
					(System.nanoTime() - this.started) / 1e9);
		}

	}

}
