package dev.forecast.config;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.forecast.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.AbstractDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The start-up wait for the database: retries what waiting can fix, logs each try, gives
 * up clearly.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartupWaitTests {

	private static final DatabaseStartupProperties QUICK = new DatabaseStartupProperties(Duration.ofSeconds(5),
			Duration.ofMillis(20));

	@Test
	void aReachableDatabaseIsConnectedToOnceAndQuietly(CapturedOutput output) {
		FlakyDataSource dataSource = new FlakyDataSource(0, "08001");
		new DatabaseStartupWait(QUICK).postProcessAfterInitialization(dataSource, "dataSource");
		assertThat(dataSource.attempts).hasValue(1);
		assertThat(output).doesNotContain("Database dataSource");
	}

	@Test
	void waitsUntilTheDatabaseAcceptsAConnection(CapturedOutput output) {
		FlakyDataSource dataSource = new FlakyDataSource(2, "08001");
		Object bean = new DatabaseStartupWait(QUICK).postProcessAfterInitialization(dataSource, "dataSource");
		assertThat(bean).isSameAs(dataSource);
		assertThat(dataSource.attempts).hasValue(3);
		assertThat(output).contains("Database dataSource not reachable yet (Connection to db:5432 refused); attempt 1")
			.contains("attempt 2, retrying every 0.02s for up to 5s")
			.contains("Database dataSource reachable after 3 attempts");
	}

	@Test
	void springCreatesItFromTheSettingsAndItWaitsForTheContextsDataSource() {
		FlakyDataSource dataSource = new FlakyDataSource(2, "08001");
		new ApplicationContextRunner().withPropertyValues("forecast.database.startup-retry-interval=10ms")
			.withBean(DatabaseStartupWait.class)
			.withBean("dataSource", DataSource.class, () -> dataSource)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(dataSource.attempts).hasValue(3);
			});
	}

	@Test
	void retriesWhileTheDatabaseIsStartingUp() {
		FlakyDataSource dataSource = new FlakyDataSource(1, "57P03");
		new DatabaseStartupWait(QUICK).postProcessAfterInitialization(dataSource, "dataSource");
		assertThat(dataSource.attempts).hasValue(2);
	}

	@Test
	void leavesErrorsThatWaitingCannotFixToTheMigration(CapturedOutput output) {
		FlakyDataSource dataSource = new FlakyDataSource(100, "28P01"); // password
																		// authentication
																		// failed
		new DatabaseStartupWait(QUICK).postProcessAfterInitialization(dataSource, "dataSource");
		assertThat(dataSource.attempts).hasValue(1);
		assertThat(output).doesNotContain("not reachable");
	}

	@Test
	void givesUpAfterTheTimeoutNamingTheDatabaseAndTheSetting(CapturedOutput output) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/forecast");
			dataSource.setUsername("forecast");
			DatabaseStartupWait wait = new DatabaseStartupWait(
					new DatabaseStartupProperties(Duration.ofMillis(300), Duration.ofMillis(50)));
			assertThatExceptionOfType(BeanCreationException.class)
				.isThrownBy(() -> wait.postProcessAfterInitialization(dataSource, "dataSource"))
				.withMessageContaining(
						"Database jdbc:postgresql://127.0.0.1:" + closedPort + "/forecast not reachable after")
				.withMessageContaining("refused")
				.withMessageContaining("forecast.database.startup-timeout");
		}
		assertThat(output)
			.contains("Database jdbc:postgresql://127.0.0.1:" + closedPort + "/forecast not reachable yet");
	}

	@Test
	void zeroTimeoutTurnsTheWaitOff() {
		FlakyDataSource dataSource = new FlakyDataSource(100, "08001");
		new DatabaseStartupWait(new DatabaseStartupProperties(Duration.ZERO, Duration.ofSeconds(1)))
			.postProcessAfterInitialization(dataSource, "dataSource");
		assertThat(dataSource.attempts).hasValue(0);
	}

	@Test
	void otherBeansPassUntouched() {
		Object bean = new Object();
		assertThat(new DatabaseStartupWait(QUICK).postProcessAfterInitialization(bean, "other")).isSameAs(bean);
	}

	/**
	 * Fails its first {@code failures} connections with {@code sqlState}, then connects
	 * to the test database.
	 */
	static final class FlakyDataSource extends AbstractDataSource {

		final AtomicInteger attempts = new AtomicInteger();

		private final int failures;

		private final String sqlState;

		FlakyDataSource(int failures, String sqlState) {
			this.failures = failures;
			this.sqlState = sqlState;
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.attempts.incrementAndGet() <= this.failures) {
				throw new SQLException("Connection to db:5432 refused", this.sqlState);
			}
			TestDatabase.Connection database = TestDatabase.get();
			return DriverManager.getConnection(database.url(), database.user(), database.password());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

	}

}
