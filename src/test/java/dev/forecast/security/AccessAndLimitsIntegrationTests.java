package dev.forecast.security;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.forecast.support.KeyedIntegrationTest;
import dev.forecast.support.SharedData;
import dev.forecast.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
// its keys and limits: KeyedIntegrationTest
class AccessAndLimitsIntegrationTests extends KeyedIntegrationTest {

	static final String READ = "read-key-123";

	static final String WRITE = "write-key-456";

	static final String HASHED = "hashed-key-789";

	static final String TUNE = "{\"series\": {id}, \"trials\": 1, \"base\": {\"model\": \"dense\", \"window\": 2, "
			+ "\"validation\": 2, \"epochs\": 1}, \"space\": {\"units\": {\"values\": [4]}}}";

	static final String TRAIN = "{\"series\": {id}, \"model\": \"dense\", \"window\": 2, \"validation\": 2, \"epochs\": 1}";

	private long seriesId;

	@BeforeEach
	void series() {
		this.seriesId = send("POST", "/series", WRITE, "application/json",
				"{\"start\": \"2024-01-01\", \"frequency\": \"DAILY\", \"values\": [1, 2, 3, 4, 5, 6, 7, 8]}")
			.id();
	}

	static Stream<Arguments> readEndpoints() {
		return Stream.of(Arguments.of("/series"), Arguments.of("/series/{id}"), Arguments.of("/series/{id}/points"),
				Arguments.of("/series/{id}/points?limit=1&from=2024-01-02"), Arguments.of("/actuator/info"),
				Arguments.of("/actuator/metrics"), Arguments.of("/forecast?series={id}&method=naive&horizon=2"),
				Arguments.of("/evaluation?series={id}&holdout=2&horizon=1&methods=naive"),
				Arguments.of("/runs?series={id}"));
	}

	static Stream<Arguments> writeEndpoints() {
		return Stream.of(Arguments.of("POST", "/series", "text/csv", "date,value\n2024-01-01,1\n"),
				Arguments.of("POST", "/series/{id}/points", "text/csv", "date,value\n2024-01-09,9\n"),
				Arguments.of("POST", "/train", "application/json", TRAIN),
				Arguments.of("POST", "/tune", "application/json", TUNE),
				Arguments.of("DELETE", "/series/{id}", null, null));
	}

	@ParameterizedTest
	@MethodSource("dashboardFiles")
	void theDashboardLoadsWithoutAKey(String path) {
		Response file = send("GET", path, null, null, null);

		assertThat(file.status()).as(file.toString()).isEqualTo(200);
	}

	static Stream<Arguments> dashboardFiles() {
		return Stream.of(Arguments.of("/"), Arguments.of("/index.html"), Arguments.of("/assets/app.js"),
				Arguments.of("/assets/style.css"), Arguments.of("/webjars/uplot/1.6.30/dist/uPlot.esm.js"));
	}

	@ParameterizedTest
	@MethodSource("readEndpoints")
	void readEndpointsNeedAKeyAndAcceptReadKeys(String path) {
		String url = path.replace("{id}", Long.toString(this.seriesId));

		assertUnauthorized(send("GET", url, null, null, null));
		assertUnauthorized(send("GET", url, "not-a-key", null, null));
		assertThat(send("GET", url, READ, null, null).status()).isBetween(200, 299);
		assertThat(send("GET", url, WRITE, null, null).status()).isBetween(200, 299);
	}

	@ParameterizedTest
	@MethodSource("writeEndpoints")
	void writeEndpointsNeedAWriteKey(String method, String path, String type, String body) {
		String url = path.replace("{id}", Long.toString(this.seriesId));
		String content = body == null ? null : body.replace("{id}", Long.toString(this.seriesId));

		assertUnauthorized(send(method, url, null, type, content));
		Response forbidden = send(method, url, READ, type, content);
		assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
		assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
		assertThat((String) forbidden.json("$.detail")).contains("write scope");
		Response allowed = send(method, url, WRITE, type, content);
		assertThat(allowed.status()).as(allowed.toString()).isBetween(200, 299);
		// runs stay queued (no workers here): delete them so the key's active-run quota
		// is free again
		if (url.equals("/train")) {
			assertThat(send("DELETE", "/runs/" + allowed.id(), WRITE, null, null).status()).isEqualTo(204);
		}
		if (url.equals("/tune")) {
			String tune = "/tune/" + allowed.id();
			assertUnauthorized(send("GET", tune, null, null, null));
			Response read = send("GET", tune, READ, null, null);
			assertThat(read.status()).isEqualTo(200);
			for (Object run : read.<List<Object>>json("$.trials[*].run")) {
				assertThat(send("DELETE", "/runs/" + run, WRITE, null, null).status()).isEqualTo(204);
			}
		}
	}

	@Test
	void runEndpointsNeedTheirScopes() {
		long run = send("POST", "/train", HASHED, "application/json",
				TRAIN.replace("{id}", Long.toString(this.seriesId)))
			.id();
		String path = "/runs/" + run;

		assertUnauthorized(send("GET", path, null, null, null));
		assertThat(send("GET", path, READ, null, null).status()).isEqualTo(200);
		assertUnauthorized(send("POST", path + "/cancel", null, null, null));
		assertThat(send("POST", path + "/cancel", READ, null, null).status()).isEqualTo(403);
		assertThat(send("POST", path + "/cancel", WRITE, null, null).status()).isEqualTo(202);
		assertUnauthorized(send("DELETE", path, null, null, null));
		assertThat(send("DELETE", path, READ, null, null).status()).isEqualTo(403);
		assertThat(send("DELETE", path, WRITE, null, null).status()).isEqualTo(204);
		assertThat(send("GET", path, READ, null, null).status()).isEqualTo(404);
	}

	@Test
	void hashedKeyWorksAsBearerAndHeader() {
		assertThat(http().send(http().request("/series").header("Authorization", "Bearer " + HASHED).GET()).status())
			.isEqualTo(200);
		assertThat(http().send(http().request("/series").header("X-API-Key", HASHED).GET()).status()).isEqualTo(200);
	}

	@Test
	void healthDocsAndSwaggerAreOpen() {
		assertThat(http().get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(http().get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(http().get("/v3/api-docs").status()).isEqualTo(200);
		assertThat(http().get("/swagger-ui/index.html").status()).isEqualTo(200);
		assertThat(http().get("/v3/api-docs").body()).contains("X-API-Key", "bearer");
	}

	@Test
	void prometheusNeedsWrite() {
		assertUnauthorized(http().get("/actuator/prometheus"));
		assertThat(send("GET", "/actuator/prometheus", READ, null, null).status()).isEqualTo(403);
		assertThat(send("GET", "/actuator/prometheus", WRITE, null, null).status()).isEqualTo(200);
	}

	@Test
	void thereIsNoUserStoreAndSoNoGeneratedPassword(@Autowired ApplicationContext context) {
		assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
	}

	@Test
	void infoSaysKeysAreOn() {
		assertThat((String) send("GET", "/actuator/info", READ, null, null).json("$.security.mode"))
			.isEqualTo("api-keys");
	}

	@Test
	void keysNeverAppearInLogsOrAnswers(CapturedOutput output) {
		Response unknown = send("GET", "/series", "secret-guess-000", null, null);
		Response forbidden = send("POST", "/series", READ, "text/csv", "date,value\n2024-01-01,1\n");
		send("GET", "/no-such-path", WRITE, null, null);

		assertThat(unknown.body()).doesNotContain("secret-guess-000");
		assertThat(forbidden.body()).doesNotContain(READ);
		assertThat(output.getAll()).doesNotContain("secret-guess-000", READ, WRITE, HASHED);
		assertThat(send("GET", "/actuator/prometheus", WRITE, null, null).body()).doesNotContain(READ, WRITE,
				"secret-guess-000");
	}

	@Test
	void seriesLengthIsCappedOnUploadAndAppend() {
		Response tooLong = send("POST", "/series", WRITE, "application/json",
				"{\"start\": \"2024-01-01\", \"frequency\": \"DAILY\", \"values\": [1,2,3,4,5,6,7,8,9,10,11]}");
		assertThat(tooLong.status()).isEqualTo(413);
		assertThat((String) tooLong.json("$.detail")).contains("11 points", "forecast.series.max-points");

		Response appended = send("POST", "/series/" + this.seriesId + "/points", WRITE, "application/json",
				"{\"start\": \"2024-01-09\", \"frequency\": \"DAILY\", \"values\": [1,2,3]}");
		assertThat(appended.status()).isEqualTo(413);
		assertThat((Integer) send("GET", "/series/" + this.seriesId, READ, null, null).json("$.length")).isEqualTo(8);
	}

	@Test
	void aBurstOfSubmissionsQueuesNoMoreThanTheActiveRunQuota() throws Exception {
		String body = TRAIN.replace("{id}", Long.toString(this.seriesId));
		List<Callable<Response>> burst = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			burst.add(() -> send("POST", "/train", "quota-key-1", "application/json", body));
		}
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Response> answers = new ArrayList<>();
		try {
			for (Future<Response> answer : pool.invokeAll(burst)) {
				answers.add(answer.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(answers).filteredOn((r) -> r.status() == 202).hasSize(3);
		assertThat(answers).filteredOn((r) -> r.status() != 202).hasSize(3).allSatisfy((r) -> {
			assertThat(r.status()).as(r.toString()).isEqualTo(429);
			assertThat(r.header("Retry-After")).matches("[1-9][0-9]*");
			assertThat(r.header("Content-Type")).startsWith("application/problem+json");
		});
		List<Integer> queued = send("GET", "/runs?series=" + this.seriesId + "&status=QUEUED", READ, null, null)
			.json("$.items[*].id");
		List<Integer> accepted = answers.stream().filter((r) -> r.status() == 202).map((r) -> (int) r.id()).toList();
		assertThat(queued).containsAll(accepted);
		assertThat(send("GET", "/runs?series=" + this.seriesId, READ, null, null).body()).doesNotContain("quota-key-1");
		for (int run : accepted) {
			assertThat(send("DELETE", "/runs/" + run, "quota-key-1", null, null).status()).isEqualTo(204);
		}
	}

	@Test
	void submissionsAreRateLimitedPerKey() {
		for (int i = 0; i < 5; i++) {
			assertThat(send("POST", "/train", "rate-key-2", "application/json", "{\"series\": 987654321}").status())
				.isEqualTo(404);
		}
		Response limited = send("POST", "/train", "rate-key-2", "application/json", "{\"series\": 987654321}");

		assertThat(limited.status()).isEqualTo(429);
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
		assertThat((String) limited.json("$.detail")).contains("forecast.quota.train-submissions");
		assertThat(send("POST", "/train", WRITE, "application/json", "{\"series\": 987654321}").status())
			.as("another key has its own budget")
			.isEqualTo(404);
	}

	@ParameterizedTest
	@MethodSource("encodedSubmissionPaths")
	void percentEncodedPathsSpendTheSameBudget(String encoded) {
		for (int i = 0; i < 5; i++) {
			assertThat(send("POST", "/train", "rate-key-3", "application/json", "{\"series\": 987654321}").status())
				.isIn(404, 429);
		}
		Response limited = send("POST", encoded, "rate-key-3", "application/json", "{\"series\": 987654321}");

		assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
		assertThat((String) limited.json("$.detail")).contains("forecast.quota.train-submissions");
	}

	static Stream<Arguments> encodedSubmissionPaths() {
		return Stream.of(Arguments.of("/%74rain"), Arguments.of("/trai%6E"), Arguments.of("/%74une"),
				Arguments.of("/%74%72%61%69%6e"));
	}

	@Test
	void percentEncodedWritePathsStillNeedAWriteKey() {
		Response forbidden = send("POST", "/%74rain", READ, "application/json", "{\"series\": 987654321}");

		assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
	}

	@Test
	void epochsTimesWindowsIsCapped() {
		Response tooMuch = send("POST", "/train", WRITE, "application/json", "{\"series\": " + this.seriesId
				+ ", \"model\": \"dense\", \"window\": 2, \"validation\": 2, \"epochs\": 50}");

		assertThat(tooMuch.status()).isEqualTo(400);
		assertThat((String) tooMuch.json("$.errors[0].field")).isEqualTo("epochs");
		assertThat((String) tooMuch.json("$.detail")).contains("forecast.training.max-epoch-windows");
	}

	private Response send(String method, String path, String key, String type, String body) {
		var request = http().request(path);
		if (key != null) {
			request.header("X-API-Key", key);
		}
		if (type != null) {
			request.header("Content-Type", type);
		}
		request.method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
				: java.net.http.HttpRequest.BodyPublishers.ofString(body));
		return http().send(request);
	}

	private static void assertUnauthorized(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.raw().headers().allValues("WWW-Authenticate")).anyMatch(v -> v.startsWith("Bearer"));
		assertThat((String) response.json("$.detail")).contains("API key");
	}

}
