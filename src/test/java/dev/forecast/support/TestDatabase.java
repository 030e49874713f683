package dev.forecast.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL every integration test uses, chosen once per JVM:
 * <ol>
 * <li>the one named by {@code TEST_DATABASE_URL} (with {@code TEST_DATABASE_USER},
 * {@code TEST_DATABASE_PASSWORD}) when that variable is set;</li>
 * <li>else a Testcontainers PostgreSQL when a Docker engine answers;</li>
 * <li>else the local {@code jdbc:postgresql://127.0.0.1:5432/test} as user {@code postgres}.</li>
 * </ol>
 */
public final class TestDatabase {

	public record Connection(String url, String user, String password) {
	}

	private static Connection connection;

	private TestDatabase() {
	}

	public static synchronized Connection get() {
		if (connection == null) {
			connection = choose();
		}
		return connection;
	}

	@SuppressWarnings("resource") // the container lives as long as the test JVM (Ryuk removes it)
	private static Connection choose() {
		String url = System.getenv("TEST_DATABASE_URL");
		if (url != null && !url.isBlank()) {
			return new Connection(url, env("TEST_DATABASE_USER", "postgres"), env("TEST_DATABASE_PASSWORD", ""));
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
			container.start();
			return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		return new Connection("jdbc:postgresql://127.0.0.1:5432/test", env("TEST_DATABASE_USER", "postgres"),
				env("TEST_DATABASE_PASSWORD", ""));
	}

	private static boolean dockerAvailable() {
		String home = System.getProperty("user.home");
		String runtime = System.getenv().getOrDefault("XDG_RUNTIME_DIR", "/nonexistent");
		boolean configured = System.getenv("DOCKER_HOST") != null
				|| Stream.of(Path.of("/var/run/docker.sock"), Path.of(home, ".docker/run/docker.sock"),
						Path.of(runtime, "docker.sock"), Path.of(home, ".testcontainers.properties"))
					.anyMatch(Files::exists);
		if (!configured) {
			return false; // no engine to ask: skip Testcontainers' probing (and its error log)
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}

}
