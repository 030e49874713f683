package dev.forecast.training;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.training.MemoryEstimate;
import dev.forecast.support.IntegrationTest;
import dev.forecast.support.TestHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory check of a collection run estimates its global model's widest lookback
 * ({@code 1.5 w} by default), not the spec's window, and says so.
 */
class CollectionMemoryCheckIntegrationTests extends IntegrationTest {

	@Test
	void theMemoryCheckOfACollectionRunReadsItsWidestLookback() {
		long collection = TrainingFixtures.uploadCollection(http(), "memory", 40, 80);
		String body = "{\"collection\":" + collection + ",\"model\":\"lstm\",\"units\":256,\"window\":26,"
				+ "\"horizon\":3,\"epochs\":1,\"batchSize\":512}";
		TestHttp.Response refused = http().postJson("/train", body);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat((String) refused.json("$.title")).isEqualTo("Training spec too large");
		assertThat((String) refused.json("$.detail")).contains("windows of 39, the widest lookback");
		// the spec's own window alone would fit (the limit is 1.5 GB in the tests)
		TrainSpec spec = TrainSpec.builder().model("lstm").units(256).window(26).horizon(3).batchSize(512).build();
		assertThat(MemoryEstimate.of(spec).bytes()).isLessThan(1536L << 20);
		assertThat(http().delete("/collections/" + collection).status()).isEqualTo(204);
	}

}
