package dev.forecast.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the integration tests: the whole application on a random port over the real
 * PostgreSQL of {@link TestDatabase}, called through real HTTP with {@link TestHttp}.
 * Every subclass shares one application context; tests create their own data and never
 * assume an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the whole suite submits many runs anonymously: quotas are tested on their own
// (subclasses override these)
@TestPropertySource(properties = { "forecast.quota.train-submissions=100000", "forecast.quota.max-active-runs=100000" })
public abstract class IntegrationTest {

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.Connection db = TestDatabase.get();
		registry.add("spring.datasource.url", db::url);
		registry.add("spring.datasource.username", db::user);
		registry.add("spring.datasource.password", db::password);
	}

	protected TestHttp http() {
		return new TestHttp("http://127.0.0.1:" + this.port);
	}

}
