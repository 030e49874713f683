package dev.forecast.web;

import java.util.Map;

import dev.forecast.support.IntegrationTest;
import dev.forecast.support.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiAndActuatorIntegrationTests extends IntegrationTest {

	@Test
	void everyOperationHasASummary() {
		Response spec = http().get("/v3/api-docs");

		assertThat(spec.status()).isEqualTo(200);
		Map<String, Map<String, Object>> paths = spec.json("$.paths");
		assertThat(paths).containsKeys("/series", "/series/{id}", "/series/{id}/points");
		paths.forEach((path, operations) -> operations.forEach((method,
				operation) -> assertThat(((Map<?, ?>) operation).get("summary")).as(method + " " + path).isNotNull()));
		assertThat(spec.body()).contains("Monthly Mean Total Sunspot Number");
	}

	@Test
	void swaggerUiIsServed() {
		Response ui = http().send(http().request("/swagger-ui.html").GET());

		assertThat(ui.status()).isIn(200, 302);
		assertThat(http().get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void healthGroupsAndPrometheus() {
		assertThat((String) http().get("/actuator/health/liveness").json("$.status")).isEqualTo("UP");
		assertThat((String) http().get("/actuator/health/readiness").json("$.status")).isEqualTo("UP");
		Response metrics = http().get("/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests");
	}

	@Test
	void infoShowsTheBuild() {
		Response info = http().get("/actuator/info");

		assertThat(info.status()).isEqualTo(200);
		assertThat((String) info.json("$.build.artifact")).isEqualTo("forecast-service");
		assertThat((String) info.json("$.build.version")).isNotBlank();
		assertThat((String) info.json("$.build.time")).isNotBlank();
	}

	@Test
	void unknownPathIsAProblem() {
		Response response = http().get("/no-such-thing");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

}
