package dev.forecast.web;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Database blips reach clients as 503 problem details with Retry-After, never as a bare
 * 500.
 */
class TransientDatabaseErrorTests {

	private final ApiExceptionHandler handler = new ApiExceptionHandler();

	@Test
	void aTerminatedConnectionIs503WithRetryAfter() {
		// what pg_terminate_backend gives a request in flight (SQL state 57P01), wrapped
		// as in the fault test
		JpaSystemException terminated = new JpaSystemException(
				new RuntimeException("Unable to rollback against JDBC Connection",
						new SQLException("terminating connection due to administrator command", "57P01")));

		assertServiceUnavailable(this.handler.handleUnexpected(terminated, request()));
		// the rollback on the connection HikariCP evicted after the termination
		assertServiceUnavailable(this.handler
			.handleUnexpected(new JpaSystemException(new RuntimeException("Unable to rollback against JDBC Connection",
					new SQLException("Connection is closed"))), request()));
		assertServiceUnavailable(this.handler.handleUnexpected(
				new CannotCreateTransactionException("Could not open JPA EntityManager for transaction"), request()));
		assertServiceUnavailable(this.handler.handleUnexpected(
				new RuntimeException(new SQLException("An I/O error occurred while sending to the backend.", "08006")),
				request()));
	}

	@Test
	void otherDatabaseErrorsStay500() {
		ResponseEntity<Object> answer = this.handler.handleUnexpected(
				new DataIntegrityViolationException("duplicate key", new SQLException("duplicate key", "23505")),
				request());

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isNull();
	}

	private static void assertServiceUnavailable(ResponseEntity<Object> answer) {
		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
		assertThat(((ProblemDetail) answer.getBody()).getDetail()).contains("retry");
	}

	private static ServletWebRequest request() {
		return new ServletWebRequest(new MockHttpServletRequest("POST", "/series"));
	}

}
