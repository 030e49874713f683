package dev.forecast.series;

import java.io.IOException;

import dev.forecast.error.PayloadTooLargeException;
import dev.forecast.web.DispatchPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Bounds upload bodies to {@code forecast.series.max-upload-size}. A body whose declared
 * length is over the limit is refused before it is read (so a client sending
 * {@code Expect: 100-continue} never sends it, and multipart parsing never starts); a
 * body without a declared length fails as soon as it passes the limit. The 413 goes
 * through the application's problem-details handler.
 */
@Component
class UploadLimitFilter extends OncePerRequestFilter {

	private static final DispatchPaths UPLOADS = DispatchPaths.of("/series", "/series/{id}/points", "/collections",
			"/collections/{id}/points");

	private final long limit;

	private final HandlerExceptionResolver resolver;

	UploadLimitFilter(SeriesProperties properties,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
		this.limit = properties.maxUploadSize().toBytes();
		this.resolver = resolver;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !UPLOADS.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit) {
			this.resolver.resolveException(request, response, null, tooLarge(this.limit));
			return;
		}
		chain.doFilter(new Bounded(request, this.limit), response);
	}

	static PayloadTooLargeException tooLarge(long limit) {
		return new PayloadTooLargeException("The upload is larger than the limit of " + (limit / (1024 * 1024))
				+ " MB (forecast.series.max-upload-size); split it and append the rest with POST /series/{id}/points.");
	}

	/** The request with its body stream counted against the limit. */
	private static final class Bounded extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Bounded(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountingStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long count;

		CountingStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.count += n;
			if (this.count > this.limit) {
				throw tooLarge(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
