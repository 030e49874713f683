package dev.forecast.training;

import java.time.Duration;
import java.util.List;

import dev.forecast.support.InProcessTrainingIntegrationTest;
import dev.forecast.support.TestHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The toolbox through the API: options reach the training, runs carry their diagnosis.
 */
class ToolboxIntegrationTests extends InProcessTrainingIntegrationTest {

	private static final Duration TRAINING = Duration.ofMinutes(4);

	@Test
	void aGruWithAScheduleAndRegularizationTrainsAndIsDiagnosed() {
		long series = TrainingFixtures.upload(http(), 160);
		TestHttp.Response accepted = http().postJson("/train", "{\"series\":" + series
				+ ",\"model\":\"gru\",\"units\":6,"
				+ "\"window\":12,\"validation\":24,\"epochs\":3,\"batchSize\":32,\"earlyStopping\":{\"patience\":0},"
				+ "\"optimizer\":{\"type\":\"rmsprop\",\"learningRate\":0.01,\"rho\":0.8},"
				+ "\"schedule\":{\"type\":\"exponential\",\"steps\":1,\"decay\":0.5},"
				+ "\"regularization\":{\"l2\":0.0001,\"dropout\":0.1,\"clipNorm\":1.0,\"batchNorm\":true},\"init\":\"he\"}");
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		assertThat((Double) accepted.json("$.spec.optimizer.rho")).isEqualTo(0.8);
		assertThat((Double) accepted.json("$.spec.schedule.decay")).isEqualTo(0.5);
		assertThat((Object) accepted.json("$.diagnosis")).isNull();
		TestHttp.Response done = awaitStatus(accepted.id(), "SUCCEEDED");
		List<Double> rates = done.json("$.curve[*].learningRate");
		assertThat(rates).containsExactly(0.01, 0.005, 0.0025);
		assertThat((String) done.json("$.diagnosis.verdict")).isIn("overfit", "underfit", "good");
		assertThat((List<?>) done.json("$.diagnosis.advice")).isNotNull();
		assertThat(((Number) done.json("$.metrics.naiveMae")).doubleValue()).isPositive();
		double valMae = ((Number) done.json("$.metrics.valMae")).doubleValue();
		double naiveMae = ((Number) done.json("$.metrics.naiveMae")).doubleValue();
		assertThat(((Number) done.json("$.metrics.vsNaive.naive")).doubleValue()).isCloseTo(valMae / naiveMae,
				within(1e-3));
		assertThat((Boolean) done.json("$.metrics.vsNaive.worse"))
			.isEqualTo(((Number) done.json("$.metrics.vsNaive.ratio")).doubleValue() >= 1);
		assertThat(done.body()).contains("\"since\"");
	}

	@Test
	void aRangeTestSuggestsALearningRateAndExplicitLayersTrain() {
		long series = TrainingFixtures.upload(http(), 160);
		TestHttp.Response range = http()
			.postJson("/train", "{\"series\":" + series + ",\"model\":\"dense\",\"units\":8,"
					+ "\"window\":12,\"validation\":24,\"epochs\":12,\"batchSize\":32,\"optimizer\":{\"type\":\"sgd\"},"
					+ "\"schedule\":{\"type\":\"range_test\",\"start\":0.00001,\"factor\":4}}");
		assertThat(range.status()).as(range.toString()).isEqualTo(202);
		assertThat((Integer) range.json("$.spec.earlyStopping.patience")).isZero();
		TestHttp.Response layers = http().postJson("/train", "{\"series\":" + series
				+ ",\"window\":12,\"validation\":24,"
				+ "\"epochs\":2,\"batchSize\":32,\"layers\":[{\"type\":\"conv1d\",\"filters\":4,\"kernel\":3,\"dilation\":2},"
				+ "{\"type\":\"rnn\",\"units\":4},{\"type\":\"dense\",\"units\":4}]}");
		assertThat(layers.status()).as(layers.toString()).isEqualTo(202);
		assertThat((String) layers.json("$.spec.model")).isEqualTo("custom");
		assertThat((Boolean) layers.json("$.spec.layers[0].returnSequences")).isTrue();
		assertThat((Boolean) layers.json("$.spec.layers[1].returnSequences")).isFalse();

		TestHttp.Response tested = awaitStatus(range.id(), "SUCCEEDED");
		List<Double> rates = tested.json("$.curve[*].learningRate");
		assertThat(rates.get(0)).isCloseTo(1e-5, within(1e-12));
		assertThat(rates.get(1)).isCloseTo(4e-5, within(1e-12));
		double suggested = ((Number) tested.json("$.metrics.suggestedLearningRate")).doubleValue();
		assertThat(suggested).isBetween(rates.get(0), rates.get(rates.size() - 1));
		awaitStatus(layers.id(), "SUCCEEDED");
	}

	@Test
	void badOptionsAnswer400NamingTheField() {
		long series = TrainingFixtures.upload(http(), 100);
		TestHttp.Response response = http().postJson("/train", "{\"series\":" + series
				+ ",\"optimizer\":{\"learningRate\":-1},\"regularization\":{\"dropout\":1},"
				+ "\"schedule\":{\"type\":\"piecewise\",\"boundaries\":[3],\"values\":[0.1]},\"layers\":[{\"type\":\"lstmx\"}]}");
		assertThat(response.status()).isEqualTo(400);
		List<String> fields = response.json("$.errors[*].field");
		assertThat(fields).contains("optimizer.learningRate", "regularization.dropout", "schedule.values",
				"layers[0].type");
		assertThat((String) response.json("$.detail")).contains("schedule.values");
	}

	@Test
	void everyOptionIsDocumentedWithItsDefault() {
		TestHttp.Response docs = http().get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		String schemas = "$.components.schemas.";
		assertThat((String) docs.json(schemas + "TrainRequest.properties.normalization.default")).isEqualTo("window");
		assertThat((String) docs.json(schemas + "TrainRequest.properties.init.default")).isEqualTo("glorot");
		assertThat((String) docs.json(schemas + "Optimizer.properties.type.default")).isEqualTo("adam");
		for (String option : List.of("learningRate", "momentum", "rho", "beta1", "beta2", "epsilon")) {
			assertThat((Object) docs.json(schemas + "Optimizer.properties." + option + ".default")).as(option)
				.isNotNull();
		}
		for (String option : List.of("l1", "l2", "dropout", "batchNorm")) {
			assertThat((Object) docs.json(schemas + "Regularization.properties." + option + ".default")).as(option)
				.isNotNull();
		}
		for (String option : List.of("maxNorm", "clipValue", "clipNorm")) {
			assertThat((String) docs.json(schemas + "Regularization.properties." + option + ".description")).as(option)
				.contains("absent: off");
		}
		assertThat((String) docs.json(schemas + "Schedule.properties.type.default")).isEqualTo("constant");
		for (String option : List.of("steps", "power", "decay", "boundaries", "values", "factor", "patience", "minRate",
				"maxRate", "start")) {
			assertThat((String) docs.json(schemas + "Schedule.properties." + option + ".description")).as(option)
				.isNotBlank();
		}
		for (String option : List.of("type", "units", "filters", "kernel", "stride", "dilation", "activation",
				"returnSequences")) {
			assertThat((String) docs.json(schemas + "Layer.properties." + option + ".description")).as(option)
				.isNotBlank();
		}
		assertThat((Object) docs.json("$.paths./tune.post")).isNotNull();
		assertThat((Object) docs.json("$.paths./tune/{id}.get")).isNotNull();
		assertThat((Object) docs.json(schemas + "Run.properties.diagnosis")).isNotNull();
	}

	private TestHttp.Response awaitStatus(long run, String status) {
		await().atMost(TRAINING).pollInterval(Duration.ofMillis(200)).until(() -> {
			String now = http().get("/runs/" + run).json("$.status");
			if ("FAILED".equals(now) && !"FAILED".equals(status)) {
				throw new AssertionError("run " + run + " failed: " + http().get("/runs/" + run).body());
			}
			return status.equals(now);
		});
		return http().get("/runs/" + run);
	}

}
