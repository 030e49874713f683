package dev.forecast.forecast;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.forecast.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An evaluation whose client closes its connection stops at its next origin instead of
 * computing on for nobody. The evaluation (ARIMA refitted at each of 2000 origins, above
 * the default work limit) would run for minutes, and its deadline is far beyond the
 * awaits, so only the disconnect can stop it in time.
 * <p>
 * Tomcat alone does not notice: it does not watch the connection of an asynchronous
 * request while it waits for its result, so {@code WebAsyncTask.onError} is not called;
 * {@link ClientConnection} asks the connection at every check.
 */
@TestPropertySource(properties = { "forecast.forecast.max-refits=100000", "forecast.forecast.max-work=1000000000000000",
		"forecast.forecast.deadline=300s" })
class EvaluationDisconnectIntegrationTests extends IntegrationTest {

	@Autowired
	private Computations computations;

	@LocalServerPort
	private int port;

	@Test
	void anEvaluationWhoseClientDisconnectsIsStopped() throws IOException {
		long series = EvaluationLimitsIntegrationTests.upload(http(), 3000);
		try {
			long stoppedBefore = this.computations.stoppedCount();
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				String request = "GET /evaluation?series=" + series
						+ "&methods=arima&holdout=2000&horizon=1 HTTP/1.1\r\n"
						+ "Host: 127.0.0.1\r\nAccept: application/json\r\nConnection: close\r\n\r\n";
				OutputStream out = socket.getOutputStream();
				out.write(request.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				// while the client is connected, the work goes on past several origins
				await().atMost(Duration.ofSeconds(60)).until(() -> this.computations.runningChecks() >= 3);
			}
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.computations.stoppedCount()).as("computations stopped")
					.isEqualTo(stoppedBefore + 1));
			await().atMost(Duration.ofSeconds(5)).until(() -> this.computations.runningCount() == 0);
		}
		finally {
			http().delete("/series/" + series);
		}
	}

}
