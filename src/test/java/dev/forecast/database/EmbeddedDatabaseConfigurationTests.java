package dev.forecast.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the service starts its embedded PostgreSQL: only without
 * {@code spring.datasource.url} and unless disabled; then Boot's pool connects to it, and
 * closing the application stops it.
 */
class EmbeddedDatabaseConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, EmbeddedDatabaseConfiguration.class);

	@Test
	void aDataSourceUrlMeansNoEmbeddedServer() {
		this.runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/forecast")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EmbeddedPostgres.class)
				.doesNotHaveBean(JdbcConnectionDetails.class));
	}

	@Test
	void disabledMeansNoEmbeddedServer() {
		this.runner.withPropertyValues("forecast.database.embedded.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedPostgres.class));
	}

	@Test
	void withoutAUrlTheApplicationRunsItsOwnServerAndStopsItOnClose(@TempDir Path parent) throws IOException {
		Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path data = parent.resolve("postgres");
		this.runner.withPropertyValues("forecast.database.embedded.directory=" + data).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(EmbeddedPostgres.class);
			JdbcConnectionDetails details = context.getBean(JdbcConnectionDetails.class);
			assertThat(details.getJdbcUrl()).isEqualTo(
					"jdbc:postgresql://127.0.0.1:" + context.getBean(EmbeddedPostgres.class).port() + "/postgres");
			try (Connection connection = DriverManager.getConnection(details.getJdbcUrl(), details.getUsername(),
					details.getPassword())) {
				assertThat(connection.isValid(5)).isTrue();
			}
			assertThat(data.resolve("postmaster.pid")).exists();
		});
		assertThat(data.resolve("PG_VERSION")).exists();
		assertThat(data.resolve("postmaster.pid")).doesNotExist();
	}

	@Test
	void aFailedStartSaysWhatToDo(@TempDir Path parent) throws IOException {
		Path data = Files.createDirectories(parent.resolve("postgres"));
		Files.writeString(data.resolve("notes.txt"), "not a database");
		this.runner.withPropertyValues("forecast.database.embedded.directory=" + data).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("neither empty nor a PostgreSQL data directory");
			assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
	static class Properties {

	}

}
