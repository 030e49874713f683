package dev.forecast.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The embedded PostgreSQL as the service starts it: real binaries from the classpath, a
 * data directory that keeps its data from one start to the next, and, since these
 * machines run as root, both ways a root process runs it (a user namespace, an
 * unprivileged user).
 */
class EmbeddedPostgresTests {

	private Path parent;

	@BeforeEach
	void directory() throws IOException {
		// open to other users: a server run as an unprivileged user must reach its data
		// directory
		this.parent = Files.createTempDirectory("embedded-postgres-test");
		Files.setPosixFilePermissions(this.parent, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	@AfterEach
	void delete() throws IOException {
		FileSystemUtils.deleteRecursively(this.parent);
	}

	@Test
	void keepsItsDataFromOneStartToTheNext() throws SQLException {
		Path data = this.parent.resolve("data");
		try (EmbeddedPostgres server = EmbeddedPostgres.start(settings(data, null))) {
			assertThat(server.version()).startsWith("16.");
			execute(server, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
		}
		assertThat(data.resolve("postmaster.pid")).doesNotExist(); // stopped
		try (EmbeddedPostgres server = EmbeddedPostgres.start(settings(data, null))) {
			assertThat(query(server, "SELECT v FROM kept")).isEqualTo("still here");
			assertThat(query(server, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
		}
	}

	@Test
	void asRootRunsAsAnUnprivilegedUserOwningTheDataDirectory() throws SQLException, IOException {
		assumeTrue(ServerUser.isRoot(), "only a root process needs another user");
		Path data = this.parent.resolve("data");
		try (EmbeddedPostgres server = EmbeddedPostgres.start(settings(data, "nobody"))) {
			assertThat(server.runsAs()).contains("nobody", "setpriv");
			execute(server, "CREATE TABLE t (v int); INSERT INTO t VALUES (7)");
			int nobody = (Integer) Files.getAttribute(data.resolve("PG_VERSION"), "unix:uid");
			assertThat(nobody).isNotZero();
			// the server process itself: the owner of its /proc directory
			int pid = Integer.parseInt(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
			assertThat(Files.getAttribute(Path.of("/proc", Integer.toString(pid)), "unix:uid")).isEqualTo(nobody);
		}
		// the next start without a configured user runs as the owner of the data
		// directory
		try (EmbeddedPostgres server = EmbeddedPostgres.start(settings(data, null))) {
			assertThat(server.runsAs()).contains("nobody");
			assertThat(query(server, "SELECT v::text FROM t")).isEqualTo("7");
		}
	}

	@Test
	void asRootUsesAUserNamespaceWhereTheKernelAllowsOne() throws SQLException {
		assumeTrue(ServerUser.isRoot() && ServerUser.userNamespacesWork(), "a root process with user namespaces");
		try (EmbeddedPostgres server = EmbeddedPostgres.start(settings(this.parent.resolve("data"), null))) {
			assertThat(server.runsAs()).contains("unshare");
			assertThat(query(server, "SELECT current_user")).isEqualTo("postgres");
		}
	}

	@Test
	void refusesADirectoryInUseByAnotherRunningService() {
		Path data = this.parent.resolve("data");
		try (EmbeddedPostgres server = EmbeddedPostgres.start(settings(data, null))) {
			assertThatThrownBy(() -> EmbeddedPostgres.start(settings(data, null)))
				.isInstanceOf(EmbeddedDatabaseException.class)
				.hasMessageContaining("in use by another running service");
			assertThat(data.resolve("postmaster.pid")).exists(); // the first one's server
																	// still runs
		}
	}

	@Test
	void refusesADirectoryThatHoldsSomethingElse() throws IOException {
		Path data = Files.createDirectories(this.parent.resolve("data"));
		Files.writeString(data.resolve("notes.txt"), "mine");
		assertThatThrownBy(() -> EmbeddedPostgres.start(settings(data, null)))
			.isInstanceOf(EmbeddedDatabaseException.class)
			.hasMessageContaining("neither empty nor a PostgreSQL data directory");
	}

	private static EmbeddedPostgres.Settings settings(Path data, String runAs) {
		return new EmbeddedPostgres.Settings(data, 0, runAs, false, Duration.ofSeconds(120));
	}

	private static void execute(EmbeddedPostgres server, String sql) throws SQLException {
		try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String query(EmbeddedPostgres server, String sql) throws SQLException {
		try (Connection connection = connect(server);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			assertThat(rows.next()).isTrue();
			return rows.getString(1);
		}
	}

	private static Connection connect(EmbeddedPostgres server) throws SQLException {
		return DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedPostgres.USER, "");
	}

}
