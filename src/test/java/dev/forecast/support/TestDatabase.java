package dev.forecast.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.util.FileSystemUtils;

import dev.forecast.database.EmbeddedPostgres;

/**
 * The PostgreSQL every integration test uses, chosen once per JVM:
 * <ol>
 * <li>the one named by {@code TEST_DATABASE_URL} (with {@code TEST_DATABASE_USER},
 * {@code TEST_DATABASE_PASSWORD}) when that variable is set;</li>
 * <li>else a Testcontainers PostgreSQL when a Docker engine answers;</li>
 * <li>else the service's own embedded PostgreSQL ({@link EmbeddedPostgres}, binaries from
 * the classpath), started once per test JVM on a throw-away data directory and stopped at
 * its exit.</li>
 * </ol>
 * So no test needs a server set up by hand: a machine with only Java runs them all.
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

	@SuppressWarnings("resource") // the container lives as long as the test JVM (Ryuk
									// removes it)
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
		return embedded();
	}

	private static Connection embedded() {
		try {
			// open to other users: as root the server may run as an unprivileged user
			// (see ServerUser)
			Path parent = Files.createTempDirectory("forecast-test-db");
			Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
			EmbeddedPostgres server = EmbeddedPostgres
				.start(new EmbeddedPostgres.Settings(parent.resolve("data"), 0, null, false, Duration.ofMinutes(2)));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				server.close();
				try {
					FileSystemUtils.deleteRecursively(parent);
				}
				catch (IOException ex) {
					// a temporary directory left behind
				}
			}, "embedded-postgres-stop"));
			return new Connection(server.jdbcUrl("postgres"), EmbeddedPostgres.USER, "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean dockerAvailable() {
		String home = System.getProperty("user.home");
		String runtime = System.getenv().getOrDefault("XDG_RUNTIME_DIR", "/nonexistent");
		boolean configured = System.getenv("DOCKER_HOST") != null || Stream
			.of(Path.of("/var/run/docker.sock"), Path.of(home, ".docker/run/docker.sock"),
					Path.of(runtime, "docker.sock"), Path.of(home, ".testcontainers.properties"))
			.anyMatch(Files::exists);
		if (!configured) {
			return false; // no engine to ask: skip Testcontainers' probing (and its error
							// log)
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
