package dev.forecast.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, as quotas count it: the API key's fingerprint (never the key), or
 * {@code anonymous} when the service runs open.
 */
public final class Caller {

	public static final String ANONYMOUS = "anonymous";

	private Caller() {
	}

	public static String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof ApiKeyAuthentication key ? (String) key.getPrincipal() : ANONYMOUS;
	}

}
