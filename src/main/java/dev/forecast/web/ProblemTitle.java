package dev.forecast.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The title of the problem detail a request was answered with, kept as a request
 * attribute by the problem-details handler for observers such as metrics filters.
 */
public final class ProblemTitle {

	static final String ATTRIBUTE = ProblemTitle.class.getName();

	private ProblemTitle() {
	}

	/** The title of the problem {@code request} was answered with, or {@code null}. */
	public static String of(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof String title ? title : null;
	}

}
