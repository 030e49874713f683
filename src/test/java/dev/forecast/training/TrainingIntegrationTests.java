package dev.forecast.training;

import java.time.Duration;
import java.util.List;

import dev.forecast.forecast.TrainedModels;
import dev.forecast.support.IntegrationTest;
import dev.forecast.support.TestHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TrainingIntegrationTests extends IntegrationTest {

	private static final Duration TRAINING = Duration.ofMinutes(4);

	@Autowired
	private TrainedModels models;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void trainsEndToEndWithALiveCurveMetricsAndAStoredModel() {
		long series = TrainingFixtures.upload(http(), 200);
		TestHttp.Response accepted = http().postJson("/train", TrainingFixtures.tinySpec(series, "conv_lstm", 3));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		long run = accepted.id();
		assertThat(accepted.header("Location")).isEqualTo("/runs/" + run);
		assertThat((String) accepted.json("$.status")).isIn("QUEUED", "RUNNING");
		assertThat((String) accepted.json("$.spec.loss")).isEqualTo("huber");
		assertThat((String) accepted.json("$.spec.normalization")).isEqualTo("window");
		assertThat((Integer) accepted.json("$.progress.epochs")).isEqualTo(3);

		TestHttp.Response done = awaitStatus(run, "SUCCEEDED");
		List<Object> curve = done.json("$.curve");
		assertThat(curve).hasSize(3);
		assertThat((Integer) done.json("$.curve[2].epoch")).isEqualTo(3);
		assertThat(((Number) done.json("$.curve[0].trainLoss")).doubleValue()).isPositive();
		assertThat(((Number) done.json("$.curve[0].valLoss")).doubleValue()).isPositive();
		assertThat(((Number) done.json("$.curve[0].learningRate")).doubleValue()).isEqualTo(0.01);
		assertThat(((Number) done.json("$.curve[0].seconds")).doubleValue()).isPositive();
		assertThat((Integer) done.json("$.progress.epoch")).isEqualTo(3);
		double valMae = ((Number) done.json("$.metrics.valMae")).doubleValue();
		assertThat(valMae).isPositive();
		assertThat(((Number) done.json("$.metrics.valRmse")).doubleValue()).isGreaterThanOrEqualTo(valMae);
		assertThat((Integer) done.json("$.metrics.bestEpoch")).isBetween(1, 3);
		// a short series: three networks, their median shrunk toward a baseline chosen
		// on the validation part, never worse there than the network or the baseline
		assertThat((Integer) done.json("$.metrics.networks")).isEqualTo(3);
		assertThat((String) done.json("$.metrics.shrinkage.base")).isIn("naive", "seasonal_naive");
		assertThat(((Number) done.json("$.metrics.shrinkage.weight")).doubleValue()).isBetween(0.0, 1.0);
		double shrunk = ((Number) done.json("$.metrics.shrinkage.mae")).doubleValue();
		assertThat(shrunk).isLessThanOrEqualTo(((Number) done.json("$.metrics.shrinkage.networkMae")).doubleValue())
			.isLessThanOrEqualTo(((Number) done.json("$.metrics.shrinkage.baseMae")).doubleValue());
		assertThat((String) done.json("$.worker")).isNotBlank();
		assertThat((String) done.json("$.finishedAt")).isNotBlank();

		List<Integer> ids = http().get("/runs?series=" + series + "&status=SUCCEEDED").json("$.items[*].id");
		assertThat(ids).contains((int) run);
		assertThat(this.models.bestRun(series)).contains(run);
		assertThat(this.models.forRun(run).forecast(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, 1))
			.hasSize(1);
	}

	@Test
	void onlySeriesGivenFillsTheDefaultsAndAQueuedOrRunningRunCanBeCancelled() {
		long series = TrainingFixtures.upload(http(), 300);
		TestHttp.Response accepted = http().postJson("/train", "{\"series\":" + series + "}");
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		// a monthly series of 300 points: 234 training windows of three seasons, N-BEATS,
		// 10% validation
		assertThat((String) accepted.json("$.spec.model")).isEqualTo("nbeats");
		assertThat((Integer) accepted.json("$.spec.window")).isEqualTo(36);
		assertThat((Integer) accepted.json("$.spec.validation")).isEqualTo(30);
		assertThat((Integer) accepted.json("$.spec.season")).isEqualTo(12);
		assertThat((String) accepted.json("$.spec.normalization")).isEqualTo("window");
		assertThat((String) accepted.json("$.spec.optimizer.type")).isEqualTo("adam");
		assertThat((Integer) accepted.json("$.spec.earlyStopping.patience")).isEqualTo(10);
		long run = accepted.id();
		TestHttp.Response cancel = http().post("/runs/" + run + "/cancel", "application/json", "");
		assertThat(cancel.status()).isEqualTo(202);
		awaitStatus(run, "CANCELLED");
	}

	@Test
	void onlyATrulyTooShortSeriesIsRefusedNamingItsMinimumLength() {
		long series = TrainingFixtures.upload(http(), 16);
		TestHttp.Response refused = http().postJson("/train", "{\"series\":" + series + "}");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat((String) refused.json("$.errors[0].field")).isEqualTo("series");
		assertThat((String) refused.json("$.detail")).contains("has 16 points", "at least 17 points");
	}

	@Test
	void cancelStopsARunningJobAndKeepsItsCurveDeleteWaitsUntilItStopped() {
		long series = TrainingFixtures.upload(http(), 600);
		long run = http().postJson("/train", TrainingFixtures.tinySpec(series, "dense", 1000)).id();
		await().atMost(TRAINING).until(() -> {
			TestHttp.Response r = http().get("/runs/" + run);
			return "RUNNING".equals(r.json("$.status")) && ((List<?>) r.json("$.curve")).size() >= 1;
		});
		TestHttp.Response conflict = http().delete("/runs/" + run);
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");

		assertThat(http().post("/runs/" + run + "/cancel", "application/json", "").status()).isEqualTo(202);
		TestHttp.Response cancelled = awaitStatus(run, "CANCELLED");
		int epochs = ((List<?>) cancelled.json("$.curve")).size();
		assertThat(epochs).isBetween(1, 999);
		assertThat((Object) cancelled.json("$.metrics")).isNull();

		assertThat(http().delete("/runs/" + run).status()).isEqualTo(204);
		assertThat(http().get("/runs/" + run).status()).isEqualTo(404);
		assertThat(http().delete("/runs/" + run).status()).isEqualTo(404);
	}

	@Test
	void badSpecsAreRejectedNamingTheField() {
		long series = TrainingFixtures.upload(http(), 100);
		assertField("{\"series\":" + series + ",\"model\":\"transformer\"}", "model");
		assertField("{\"series\":" + series + ",\"window\":90}", "window");
		assertField("{\"series\":" + series + ",\"window\":12,\"validation\":0}", "validation");
		assertField("{\"series\":" + series + ",\"window\":12,\"validation\":100}", "validation");
		assertField("{\"series\":" + series + ",\"window\":12,\"epochs\":0}", "epochs");
		assertField("{\"series\":" + series + ",\"window\":12,\"epochs\":100000}", "epochs");
		assertField("{\"series\":" + series + ",\"window\":12,\"batchSize\":1000000}", "batchSize");
		assertField("{\"series\":" + series + ",\"window\":12,\"loss\":\"hinge\"}", "loss");
		assertField("{\"series\":" + series + ",\"window\":12,\"normalization\":\"log\"}", "normalization");
		assertField("{\"series\":" + series + ",\"window\":12,\"optimizer\":{\"type\":\"lbfgs\"}}", "optimizer.type");
		assertField("{\"series\":" + series + ",\"window\":12,\"optimizer\":{\"learningRate\":-1}}",
				"optimizer.learningRate");
		assertField("{\"window\":12}", "series");

		TestHttp.Response unknown = http().postJson("/train", "{\"series\":987654321}");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(http().get("/runs/987654321").status()).isEqualTo(404);
		assertThat(http().get("/runs?status=DONE").status()).isEqualTo(400);
		assertThat((List<?>) http().get("/runs?series=" + series).json("$.items")).isEmpty();
	}

	@Test
	void aSpecNeedingMoreMemoryThanAWorkerMayUseIsRefusedNamingEstimateAndLimitTheDefaultIsAccepted() {
		long series = TrainingFixtures.upload(http(), 1300);
		String lstm = "{\"type\":\"lstm\",\"units\":512}";
		String layers = String.join(",", java.util.Collections.nCopies(19, lstm))
				+ ",{\"type\":\"dense\",\"units\":512}";
		TestHttp.Response refused = http().postJson("/train", "{\"series\":" + series + ",\"layers\":[" + layers
				+ "],\"window\":1000,\"epochs\":1000,\"batchSize\":4096}");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat((String) refused.json("$.title")).isEqualTo("Training spec too large");
		assertThat((String) refused.json("$.detail")).as(refused.toString())
			.containsPattern("needs about [0-9.]+ TB")
			.contains("over the limit of 1.5 GB", "forecast.worker.max-run-memory");
		List<String> fields = refused.json("$.errors[*].field");
		assertThat(fields).containsExactly("spec");
		assertThat((List<?>) http().get("/runs?series=" + series).json("$.items")).isEmpty();

		TestHttp.Response accepted = http().postJson("/train", "{\"series\":" + series + "}");
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		http().post("/runs/" + accepted.id() + "/cancel", "application/json", "");
		awaitStatus(accepted.id(), "CANCELLED");
		http().delete("/series/" + series);
	}

	@Test
	void theEndpointsAreInTheOpenApiDocument() {
		String doc = http().get("/v3/api-docs").body();
		assertThat(doc).contains("\"/train\"", "\"/runs/{id}\"", "\"/runs/{id}/cancel\"", "\"/runs\"", "TrainRequest");
	}

	@Test
	void deletingASeriesRemovesItsRunsAndModels() {
		long series = TrainingFixtures.upload(http(), 120);
		long run = http().postJson("/train", TrainingFixtures.tinySpec(series, "dense", 2)).id();
		awaitStatus(run, "SUCCEEDED");
		assertThat(http().delete("/series/" + series).status()).isEqualTo(204);
		assertThat(http().get("/runs/" + run).status()).isEqualTo(404);
		assertThat(this.models.bestRun(series)).isEmpty();
	}

	@Test
	void withoutApiKeysRunsAreOwnedByAnonymous() {
		long series = TrainingFixtures.upload(http(), 150);
		long run = http().postJson("/train", TrainingFixtures.tinySpec(series, "dense", 1)).id();

		String owner = this.jdbc.sql("select owner from training_run where id = ?")
			.param(run)
			.query(String.class)
			.single();
		assertThat(owner).isEqualTo(Owner.ANONYMOUS.name()).isEqualTo("anonymous");
		http().delete("/series/" + series);
	}

	private void assertField(String body, String field) {
		TestHttp.Response response = http().postJson("/train", body);
		assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
		List<String> fields = response.json("$.errors[*].field");
		assertThat(fields).as(response.toString()).contains(field);
		assertThat((String) response.json("$.detail")).contains(field);
	}

	private TestHttp.Response awaitStatus(long run, String status) {
		await().atMost(TRAINING).pollInterval(Duration.ofMillis(200)).until(() -> {
			String current = http().get("/runs/" + run).json("$.status");
			assertThat(current).as("run %d", run)
				.isNotIn(List.of("FAILED", "SUCCEEDED", "CANCELLED").stream().filter(s -> !s.equals(status)).toList());
			return status.equals(current);
		});
		return http().get("/runs/" + run);
	}

}
