package dev.forecast.security;

import java.io.IOException;

import dev.forecast.error.TooManyRequestsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Reads the API key from {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}
 * and, when it is a configured key, authenticates the request with its scope. An unknown
 * key leaves the request anonymous and marked, so the entry point can say the key is not
 * known. Unknown keys are counted per client address by the
 * {@link FailedAuthenticationThrottle}: past its limit, requests presenting a key are
 * answered 429.
 */
class ApiKeyFilter extends OncePerRequestFilter {

	static final String HEADER = "X-API-Key";

	static final String UNKNOWN_KEY = ApiKeyFilter.class.getName() + ".unknown";

	private final ApiKeys keys;

	private final FailedAuthenticationThrottle throttle;

	private final HandlerExceptionResolver resolver;

	ApiKeyFilter(ApiKeys keys, FailedAuthenticationThrottle throttle, HandlerExceptionResolver resolver) {
		this.keys = keys;
		this.throttle = throttle;
		this.resolver = resolver;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = presentedKey(request);
		if (presented != null && !this.keys.isEmpty()) {
			try {
				this.throttle.checkAllowed(request.getRemoteAddr());
				ApiKeys.Key key = this.keys.find(presented);
				if (key != null) {
					SecurityContextHolder.getContext().setAuthentication(new ApiKeyAuthentication(key));
				}
				else {
					request.setAttribute(UNKNOWN_KEY, Boolean.TRUE);
					this.throttle.failed(request.getRemoteAddr());
				}
			}
			catch (TooManyRequestsException ex) {
				this.resolver.resolveException(request, response, null, ex);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	static String presentedKey(HttpServletRequest request) {
		String header = request.getHeader(HEADER);
		if (header != null && !header.isBlank()) {
			return header.trim();
		}
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String key = authorization.substring(7).trim();
			return key.isEmpty() ? null : key;
		}
		return null;
	}

}
