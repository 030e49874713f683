package dev.forecast.series;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;

import dev.forecast.error.PayloadTooLargeException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerExceptionResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadLimitFilterTests {

	private final AtomicReference<Exception> resolved = new AtomicReference<>();

	private final HandlerExceptionResolver resolver = (request, response, handler, ex) -> {
		this.resolved.set(ex);
		return null;
	};

	private final UploadLimitFilter filter = new UploadLimitFilter(
			new SeriesProperties(DataSize.ofBytes(10), 500, 1000), this.resolver);

	@Test
	void declaredLengthOverTheLimitIsRefusedWithoutCallingTheHandler() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/series");
		request.setContent(new byte[11]);
		boolean[] called = { false };

		this.filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> called[0] = true);

		assertThat(called[0]).isFalse();
		assertThat(this.resolved.get()).isInstanceOf(PayloadTooLargeException.class);
	}

	@Test
	void percentEncodedUploadPathsAreBoundedToo() throws Exception {
		for (String path : new String[] { "/%73eries", "/series/7/%70oints", "/series;x=1" }) {
			this.resolved.set(null);
			MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
			request.setContent(new byte[11]);
			boolean[] called = { false };

			this.filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> called[0] = true);

			assertThat(called[0]).as(path).isFalse();
			assertThat(this.resolved.get()).as(path).isInstanceOf(PayloadTooLargeException.class);
		}
	}

	@Test
	void bodyWithoutDeclaredLengthFailsWhenItPassesTheLimit() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/series/7/points") {
			@Override
			public long getContentLengthLong() {
				return -1; // chunked transfer: no declared length
			}
		};
		request.setContent("2024-01-01,1\n2024-01-02,2\n".getBytes());
		byte[] firstTen = new byte[10];

		this.filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			InputStream body = req.getInputStream();
			assertThat(body.read(firstTen)).isEqualTo(10);
			assertThatThrownBy(body::read).isInstanceOf(PayloadTooLargeException.class);
		});

		assertThat(this.resolved.get()).isNull();
	}

	@Test
	void otherRequestsAreNotBounded() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/train");
		request.setContent(new byte[100]);
		boolean[] called = { false };

		this.filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			called[0] = req.getInputStream().readAllBytes().length == 100;
		});

		assertThat(called[0]).isTrue();
	}

}
