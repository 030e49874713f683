package dev.forecast.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the API key from {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>} and, when
 * it is a configured key, authenticates the request with its scope. An unknown key leaves the
 * request anonymous and marked, so the entry point can say the key is not known.
 */
class ApiKeyFilter extends OncePerRequestFilter {

	static final String HEADER = "X-API-Key";

	static final String UNKNOWN_KEY = ApiKeyFilter.class.getName() + ".unknown";

	private final ApiKeys keys;

	ApiKeyFilter(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = presentedKey(request);
		if (presented != null) {
			ApiKeys.Key key = this.keys.find(presented);
			if (key != null) {
				SecurityContextHolder.getContext().setAuthentication(new ApiKeyAuthentication(key));
			}
			else {
				request.setAttribute(UNKNOWN_KEY, Boolean.TRUE);
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
