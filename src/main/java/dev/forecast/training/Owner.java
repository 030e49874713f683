package dev.forecast.training;

import java.security.Principal;

/**
 * Who submits a run, as training quotas count it: the authenticated principal's name (an
 * API key's fingerprint, never the key), or {@code anonymous} when the service runs open.
 *
 * @param name the owner recorded with each run
 */
public record Owner(String name) {

	public static final Owner ANONYMOUS = new Owner("anonymous");

	/**
	 * The owner of a request, from its principal ({@code null} for an anonymous request).
	 */
	public static Owner of(Principal principal) {
		return (principal == null) ? ANONYMOUS : new Owner(principal.getName());
	}

}
