package dev.forecast.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import dev.forecast.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database migrated while diagnosis and tuning was still {@code V3} (V1, V2, V3, V5
 * applied) migrates with today's files, in a schema of its own on the real PostgreSQL.
 */
class RenamedMigrationsTests {

	private static final Path MIGRATIONS = Path.of("db/migration");

	private final TestDatabase.Connection db = TestDatabase.get();

	private final String schema = "legacy_v3_" + System.nanoTime();

	@BeforeEach
	void createSchema() throws SQLException {
		execute("create schema " + this.schema);
	}

	@AfterEach
	void dropSchema() throws SQLException {
		execute("drop schema " + this.schema + " cascade");
	}

	@Test
	void aDatabaseThatAppliedTheOldV3MigratesAndValidates(@TempDir Path old) throws IOException {
		legacyDatabase(old);

		Flyway today = flyway("filesystem:" + MIGRATIONS.toAbsolutePath()).callbacks(new RenamedMigrations()).load();
		today.migrate();
		today.validate();

		List<MigrationInfo> applied = Arrays.asList(today.info().applied());
		List<String> expected = new java.util.ArrayList<>(List.of("1", "2", "6", "5"));
		expected.addAll(versions().stream().filter(v -> Integer.parseInt(v) > 6).toList());
		assertThat(applied).extracting(info -> info.getVersion().getVersion()).containsExactlyElementsOf(expected);
		assertThat(applied).extracting(MigrationInfo::getScript).contains("V6__training_diagnosis_and_tuning.sql");
		assertThat(today.info().pending()).isEmpty();
		assertThat(applied).extracting(MigrationInfo::getState).doesNotContain(MigrationState.MISSING_SUCCESS);
	}

	@Test
	void withoutTheCallbackFlywayRefusesSuchADatabase(@TempDir Path old) throws IOException {
		legacyDatabase(old);

		Flyway today = flyway("filesystem:" + MIGRATIONS.toAbsolutePath()).load();
		assertThatThrownBy(today::migrate).isInstanceOf(FlywayException.class).hasMessageContaining("3");
	}

	@Test
	void aFreshDatabaseMigratesToTheLatestVersion() throws IOException {
		Flyway today = flyway("filesystem:" + MIGRATIONS.toAbsolutePath()).callbacks(new RenamedMigrations()).load();
		today.migrate();

		List<String> versions = versions();
		assertThat(today.info().current().getVersion().getVersion()).isEqualTo(versions.get(versions.size() - 1));
		assertThat(today.info().pending()).isEmpty();
	}

	/**
	 * Migrates the schema with the files as they were between the two commits: V1, V2,
	 * V3, V5.
	 */
	private void legacyDatabase(Path folder) throws IOException {
		for (String file : List.of("V1__series_create_tables.sql", "V2__training_create_runs.sql",
				"V5__security_run_owner.sql")) {
			Files.copy(MIGRATIONS.resolve(file), folder.resolve(file));
		}
		Files.copy(MIGRATIONS.resolve("V6__training_diagnosis_and_tuning.sql"),
				folder.resolve("V3__training_diagnosis_and_tuning.sql"));
		flyway("filesystem:" + folder.toAbsolutePath()).load().migrate();
	}

	/** The versions of today's migration files, in order. */
	private static List<String> versions() throws IOException {
		try (var files = Files.list(MIGRATIONS)) {
			return files.map(f -> f.getFileName().toString())
				.filter(n -> n.matches("V\\d+__.*\\.sql"))
				.map(n -> n.substring(1, n.indexOf("__")))
				.sorted(java.util.Comparator.comparingInt(Integer::parseInt))
				.toList();
		}
	}

	private org.flywaydb.core.api.configuration.FluentConfiguration flyway(String location) {
		return Flyway.configure()
			.dataSource(this.db.url(), this.db.user(), this.db.password())
			.schemas(this.schema)
			.locations(location);
	}

	private void execute(String sql) throws SQLException {
		try (var connection = DriverManager.getConnection(this.db.url(), this.db.user(), this.db.password());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
