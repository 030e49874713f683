package dev.forecast.collection;

import dev.forecast.support.KeyedIntegrationTest;
import dev.forecast.support.TestHttp;
import dev.forecast.support.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

// the limits (2 members, 4 rows an upload) and the key: KeyedIntegrationTest
class CollectionLimitsIntegrationTests extends KeyedIntegrationTest {

	private TestHttp keyed() {
		return http().withApiKey("collections-key-7");
	}

	@Test
	void membersAndRowsPastTheLimitsAre413() {
		Response rows = keyed().postCsv("/collections",
				"unique_id,ds,y\nA,2024-01-01,1\nA,2024-01-02,2\nA,2024-01-03,3\nA,2024-01-04,4\nA,2024-01-05,5\n");
		assertThat(rows.status()).as(rows.toString()).isEqualTo(413);
		assertThat((String) rows.json("$.detail")).contains("forecast.collection.max-upload-rows");

		Response members = keyed().postCsv("/collections",
				"unique_id,ds,y\nA,2024-01-01,1\nB,2024-01-01,2\nC,2024-01-01,3\n");
		assertThat(members.status()).as(members.toString()).isEqualTo(413);
		assertThat((String) members.json("$.detail")).contains("forecast.collection.max-members");

		Response two = keyed().postCsv("/collections", "unique_id,ds,y\nA,2024-01-01,1\nB,2024-01-01,2\n");
		assertThat(two.status()).as(two.toString()).isEqualTo(201);
		Response third = keyed().postCsv("/collections/" + two.id() + "/points", "unique_id,ds,y\nC,2024-01-01,3\n");
		assertThat(third.status()).as(third.toString()).isEqualTo(413);
		assertThat((Integer) keyed().get("/collections/" + two.id()).json("$.total")).isEqualTo(2);
	}

}
