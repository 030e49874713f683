package dev.forecast.security;

import java.util.ArrayList;
import java.util.List;

import dev.forecast.error.TooManyRequestsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerExceptionResolver;

import static org.assertj.core.api.Assertions.assertThat;

class FailedAuthenticationThrottleTests {

	private static final String KEY = "a-long-enough-write-key";

	private final List<Exception> resolved = new ArrayList<>();

	private final HandlerExceptionResolver resolver = (request, response, handler, ex) -> {
		this.resolved.add(ex);
		return null;
	};

	private final ApiKeyFilter filter = new ApiKeyFilter(ApiKeys.parse(KEY + "=write"),
			new FailedAuthenticationThrottle(3), this.resolver);

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anAddressPastItsFailedAuthenticationsGets429EvenWithTheRightKey() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(send("10.0.0.1", "guess-" + i)).as("attempt " + (i + 1)).isTrue();
		}
		assertThat(this.resolved).isEmpty();

		assertThat(send("10.0.0.1", "guess-4")).isFalse();
		assertThat(send("10.0.0.1", KEY)).isFalse();
		assertThat(this.resolved).hasSize(2).allSatisfy((ex) -> {
			assertThat(ex).isInstanceOf(TooManyRequestsException.class)
				.hasMessageContaining("forecast.security.failed-authentications-per-minute");
			assertThat(((TooManyRequestsException) ex).headers().get("Retry-After")).matches("[1-9][0-9]*");
		});

		assertThat(send("10.0.0.2", KEY)).as("another address has its own budget").isTrue();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();
	}

	@Test
	void requestsWithoutAKeyOrWithTheRightOneSpendNothing() throws Exception {
		for (int i = 0; i < 10; i++) {
			assertThat(send("10.0.0.3", null)).isTrue();
			assertThat(send("10.0.0.3", KEY)).isTrue();
		}
		assertThat(this.resolved).isEmpty();
	}

	/** Whether the request went on down the chain. */
	private boolean send(String address, String key) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/series");
		request.setRemoteAddr(address);
		if (key != null) {
			request.addHeader("X-API-Key", key);
		}
		boolean[] passed = { false };
		this.filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> passed[0] = true);
		return passed[0];
	}

}
