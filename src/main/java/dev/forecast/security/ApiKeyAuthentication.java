package dev.forecast.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated API key: the principal is the key's fingerprint, never the key. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private final ApiKeys.Key key;

	ApiKeyAuthentication(ApiKeys.Key key) {
		super(key.scope().authorities());
		this.key = key;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return this.key.fingerprint();
	}

	public Scope scope() {
		return this.key.scope();
	}

}
