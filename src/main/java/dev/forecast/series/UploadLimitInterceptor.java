package dev.forecast.series;

import dev.forecast.error.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses uploads whose declared length is over {@code forecast.series.max-upload-size} before
 * their body is read (so a client sending {@code Expect: 100-continue} never sends it). Bodies
 * without a declared length are bounded while they are read.
 */
class UploadLimitInterceptor implements HandlerInterceptor {

	private final long limit;

	UploadLimitInterceptor(long limit) {
		this.limit = limit;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > this.limit) {
			throw tooLarge(this.limit);
		}
		return true;
	}

	static PayloadTooLargeException tooLarge(long limit) {
		return new PayloadTooLargeException("The upload is larger than the limit of " + (limit / (1024 * 1024))
				+ " MB (forecast.series.max-upload-size); split it and append the rest with POST /series/{id}/points.");
	}

}
