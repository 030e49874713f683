package dev.forecast.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.RequestPath;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Path rules for servlet filters, matched the way the dispatcher maps a request: against
 * the percent-decoded path segments without matrix parameters, so {@code /%74rain} or
 * {@code /train;x=1} matches {@code /train} exactly as it reaches the controller. Never
 * compare {@link HttpServletRequest#getRequestURI()} (the raw, still encoded path) with a
 * string.
 */
public final class DispatchPaths {

	private final List<PathPattern> patterns;

	private DispatchPaths(List<PathPattern> patterns) {
		this.patterns = patterns;
	}

	/**
	 * Paths matching any of {@code patterns} ({@link PathPattern} syntax, e.g.
	 * {@code /series/{id}/points}).
	 */
	public static DispatchPaths of(String... patterns) {
		return new DispatchPaths(List.of(patterns).stream().map(PathPatternParser.defaultInstance::parse).toList());
	}

	public boolean matches(HttpServletRequest request) {
		RequestPath path = RequestPath.parse(request.getRequestURI(), request.getContextPath());
		return this.patterns.stream().anyMatch((pattern) -> pattern.matches(path.pathWithinApplication()));
	}

}
