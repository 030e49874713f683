package dev.forecast.training;

import java.time.Duration;
import java.util.List;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.training.GlobalTrainer;
import dev.forecast.support.IntegrationTest;
import dev.forecast.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Global neural models over HTTP: {@code POST /train} with a collection trains one
 * network on all its members, and every member is forecast with it; the run counts the
 * networks it trained.
 */
class CollectionTrainingIntegrationTests extends IntegrationTest {

	private static final Duration TRAINING = Duration.ofMinutes(4);

	private static long collection;

	private static long run;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TrainingService training;

	@BeforeEach
	void trainOnce() {
		if (run == 0) {
			collection = upload("global", 40, 120);
			run = train(collection, 3);
		}
	}

	@Test
	void aCollectionRunShowsItsCollectionAndIsListedByIt() {
		TestHttp.Response done = http().get("/runs/" + run);
		assertThat(((Number) done.json("$.collection")).longValue()).isEqualTo(collection);
		assertThat((Object) done.json("$.series")).isNull();
		assertThat((String) done.json("$.spec.normalization")).isEqualTo("window");
		assertThat((Integer) done.json("$.spec.validation")).isEqualTo(3);
		assertThat((Double) done.json("$.metrics.valMae")).isPositive();

		TestHttp.Response listed = http().get("/runs?collection=" + collection);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(((List<Number>) listed.json("$.items[*].id")).stream().map(Number::longValue)).contains(run);
		assertThat(((List<Number>) listed.json("$.items[*].collection")).stream().map(Number::longValue))
			.containsOnly(collection);
		assertThat(http().get("/runs?collection=987654321").status()).isEqualTo(404);

		TestHttp.Response docs = http().get("/v3/api-docs");
		assertThat((String) docs.json("$.components.schemas.TrainRequest.properties.collection.description"))
			.contains("global network");
		assertThat((List<String>) docs.json("$.paths['/runs'].get.parameters[*].name")).contains("collection");
	}

	@Test
	void aFinishedRunReportsEveryNetworkItTrained() {
		TestHttp.Response done = http().get("/runs/" + run);
		TrainSpec spec = this.training.get(run).spec();
		int trainings = GlobalTrainer.Options.of(spec).trainings(spec);
		// window 12: lookbacks 18 and 12, each a validation pass and 5 refits
		assertThat(trainings).isEqualTo(12);
		assertThat((Integer) done.json("$.progress.networks")).isEqualTo(trainings);
		assertThat((Integer) done.json("$.progress.networksDone")).isEqualTo(trainings);
		assertThat((Integer) done.json("$.progress.epochs")).isEqualTo(3);
		assertThat((Integer) done.json("$.progress.epoch")).isEqualTo(3);
	}

	@Test
	void everyMemberIsForecastWithTheCollectionsRun() {
		List<Integer> members = http().get("/collections/" + collection).json("$.members[*].series");
		double[] widths = new double[members.size()];
		for (int i = 0; i < members.size(); i++) {
			int member = members.get(i);
			TestHttp.Response best = http().get("/forecast?series=" + member + "&method=neural&horizon=5");
			assertThat(best.status()).as(best.toString()).isEqualTo(200);
			assertThat(((Number) best.json("$.run")).longValue()).isEqualTo(run);
			assertThat((List<?>) best.json("$.points")).hasSize(5);
			TestHttp.Response chosen = http().get("/forecast?series=" + member + "&method=neural&horizon=5&run=" + run);
			assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
			assertThat((List<Object>) chosen.json("$.points[*].v")).isEqualTo(best.json("$.points[*].v"));
			List<Number> interval = best.json("$.points[0].intervals.80");
			widths[i] = interval.get(1).doubleValue() - interval.get(0).doubleValue();
		}
		// scale-free residuals, scaled to each member: the member 10,000 times larger has
		// wider intervals
		assertThat(widths[0]).isPositive();
		assertThat(widths[4]).isGreaterThan(100 * widths[0]);
		// auto takes a series' own run only: a global model's validation is not the
		// member's
		TestHttp.Response auto = http().get("/forecast?series=" + members.get(0) + "&method=auto&horizon=3");
		assertThat(auto.status()).as(auto.toString()).isEqualTo(200);
		assertThat((String) auto.json("$.params.dropped.neural")).contains("global model");
		TestHttp.Response evaluation = http()
			.get("/evaluation?series=" + members.get(0) + "&holdout=6&horizon=3&methods=neural,naive");
		assertThat(evaluation.status()).as(evaluation.toString()).isEqualTo(200);
		assertThat((List<String>) evaluation.json("$.results[*].method")).contains("neural");
		for (String query : new String[] { "", "&run=" + run }) {
			TestHttp.Response all = http()
				.get("/collections/" + collection + "/forecast?method=neural&horizon=4" + query);
			assertThat(all.status()).as(all.toString()).isEqualTo(200);
			assertThat((List<Object>) all.json("$.forecasts[*].error")).as(all.toString()).isEmpty();
			assertThat(((List<Number>) all.json("$.forecasts[*].run")).stream().map(Number::longValue))
				.hasSize(members.size())
				.containsOnly(run);
			assertThat((List<?>) all.json("$.forecasts[0].points")).hasSize(4);
		}
	}

	@Test
	void aMemberShorterThanTheWidestLookbackIsForecastPadded() {
		// window 12: lookbacks 12 and 18; the shortest member has 16 points
		long small = upload("short-members", 16, 60);
		long smallRun = train(small, 2);
		assertThat((Integer) http().get("/runs/" + smallRun).json("$.spec.window")).isEqualTo(12);
		List<Integer> members = http().get("/collections/" + small).json("$.members[*].series");
		TestHttp.Response shortest = http().get("/forecast?series=" + members.get(0) + "&method=neural&horizon=6");
		assertThat(shortest.status()).as(shortest.toString()).isEqualTo(200);
		assertThat((List<Double>) shortest.json("$.points[*].v")).hasSize(6).allMatch(Double::isFinite);
		TestHttp.Response all = http().get("/collections/" + small + "/forecast?method=neural&horizon=6");
		assertThat(all.status()).as(all.toString()).isEqualTo(200);
		assertThat((List<Object>) all.json("$.forecasts[*].error")).as(all.body()).isEmpty();
		// backtests pad alike: origins need the model's minimum input only
		TestHttp.Response evaluation = http()
			.get("/evaluation?series=" + members.get(0) + "&holdout=4&horizon=2&methods=neural,naive");
		assertThat(evaluation.status()).as(evaluation.toString()).isEqualTo(200);
		assertThat((List<Number>) evaluation.json("$.results[?(@.method == 'neural')].mae")).hasSize(1)
			.allMatch(mae -> Double.isFinite(mae.doubleValue()));
		TestHttp.Response tooLong = http()
			.get("/evaluation?series=" + members.get(0) + "&holdout=14&horizon=2&methods=neural");
		assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
		assertThat((String) tooLong.json("$.detail")).contains("neural reads");
		assertThat(http().delete("/collections/" + small).status()).isEqualTo(204);
	}

	@Test
	void aSeriesOutsideTheCollectionIsRefusedItsRun() {
		long outsider = TrainingFixtures.upload(http(), 60);
		TestHttp.Response refused = http().get("/forecast?series=" + outsider + "&method=neural&run=" + run);
		assertThat(refused.status()).isEqualTo(400);
		assertThat((List<String>) refused.json("$.errors[*].field")).containsExactly("run");
		assertThat((String) refused.json("$.detail")).contains("collection " + collection, "not one of its members");
		// a series of its own without a run is not served the collection's model
		assertThat(http().get("/forecast?series=" + outsider + "&method=neural").status()).isEqualTo(409);
	}

	@Test
	void trainTakesExactlyOneOfSeriesAndCollection() {
		long series = TrainingFixtures.upload(http(), 60);
		for (String body : new String[] { "{\"epochs\":2}",
				"{\"series\":" + series + ",\"collection\":" + collection + "}" }) {
			TestHttp.Response refused = http().postJson("/train", body);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat((List<String>) refused.json("$.errors[*].field")).containsExactly("series", "collection");
		}
		TestHttp.Response unknown = http().postJson("/train", "{\"collection\":987654321}");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat((String) unknown.json("$.detail")).contains("987654321");

		TestHttp.Response zscore = http().postJson("/train",
				"{\"collection\":" + collection + ",\"normalization\":\"zscore\"}");
		assertThat(zscore.status()).isEqualTo(400);
		assertThat((List<String>) zscore.json("$.errors[*].field")).containsExactly("normalization");

		long tiny = upload("tiny", 4, 7);
		TestHttp.Response tooShort = http().postJson("/train", "{\"collection\":" + tiny + ",\"horizon\":3}");
		assertThat(tooShort.status()).as(tooShort.toString()).isEqualTo(400);
		assertThat((List<String>) tooShort.json("$.errors[*].field")).containsExactly("collection");
		// 2 inputs (the global trainer pads them to the window) + horizon 3 + validation
		// 3
		assertThat((String) tooShort.json("$.detail")).contains("longest has 7 points", "at least 8 points");
	}

	@Test
	void defaultsComeFromTheCollectionAndACancelledRunGoesWithItsCollection() {
		long own = upload("doomed", 50, 90);
		TestHttp.Response accepted = http().postJson("/train", "{\"collection\":" + own + ",\"horizon\":2}");
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		CollectionDefaults defaults = CollectionDefaults.of(new int[] { 50, 60, 70, 80, 90 }, 2, 12);
		assertThat((String) accepted.json("$.spec.model")).isEqualTo(defaults.model());
		assertThat((Integer) accepted.json("$.spec.window")).isEqualTo(defaults.window());
		assertThat((Integer) accepted.json("$.spec.validation")).isEqualTo(defaults.validation());
		assertThat((Integer) accepted.json("$.spec.units")).isEqualTo(defaults.units());
		assertThat((String) accepted.json("$.spec.loss")).isEqualTo(defaults.loss()).isEqualTo("mae");
		assertThat((Double) accepted.json("$.spec.optimizer.learningRate")).isEqualTo(defaults.learningRate());
		assertThat((Integer) accepted.json("$.spec.earlyStopping.patience")).isEqualTo(defaults.patience());
		long defaulted = accepted.id();
		http().post("/runs/" + defaulted + "/cancel", "application/json", "");

		long finished = train(own, 2);
		long cancelled = http().postJson("/train", TrainingFixtures.collectionSpec(own, 1000)).id();
		await().atMost(TRAINING).until(() -> {
			TestHttp.Response r = http().get("/runs/" + cancelled);
			return "RUNNING".equals(r.json("$.status")) && ((List<?>) r.json("$.curve")).size() >= 1;
		});
		assertThat(http().post("/runs/" + cancelled + "/cancel", "application/json", "").status()).isEqualTo(202);
		awaitStatus(cancelled, "CANCELLED");
		awaitStatus(defaulted, "CANCELLED");

		assertThat(http().delete("/collections/" + own).status()).isEqualTo(204);
		for (long gone : new long[] { finished, cancelled, defaulted }) {
			assertThat(http().get("/runs/" + gone).status()).isEqualTo(404);
		}
		assertThat(this.jdbc.sql("select count(*) from training_model where run_id = ? or collection_id = ?")
			.params(finished, own)
			.query(Long.class)
			.single()).isZero();
	}

	private long upload(String name, int shortest, int longest) {
		return TrainingFixtures.uploadCollection(http(), name, shortest, longest);
	}

	/** Trains the tiny spec on a collection and waits until it succeeded. */
	private long train(long collectionId, int epochs) {
		TestHttp.Response accepted = http().postJson("/train", TrainingFixtures.collectionSpec(collectionId, epochs));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		awaitStatus(accepted.id(), "SUCCEEDED");
		return accepted.id();
	}

	private TestHttp.Response awaitStatus(long id, String status) {
		await().atMost(TRAINING).pollInterval(Duration.ofMillis(200)).until(() -> {
			String current = http().get("/runs/" + id).json("$.status");
			assertThat(current).as("run %d", id)
				.isNotIn(List.of("FAILED", "SUCCEEDED", "CANCELLED").stream().filter(s -> !s.equals(status)).toList());
			return status.equals(current);
		});
		return http().get("/runs/" + id);
	}

}
