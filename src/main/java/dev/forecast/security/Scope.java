package dev.forecast.security;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an API key may do: {@code read} (GET endpoints) or {@code write} (everything;
 * implies read).
 */
public enum Scope {

	READ, WRITE;

	static final String READ_AUTHORITY = "SCOPE_read";

	static final String WRITE_AUTHORITY = "SCOPE_write";

	static Scope parse(String text) {
		return switch (text.trim().toLowerCase(Locale.ROOT)) {
			case "read" -> READ;
			case "write" -> WRITE;
			default -> throw new IllegalArgumentException("unknown scope '" + text.trim() + "' (use read or write)");
		};
	}

	List<GrantedAuthority> authorities() {
		return this == WRITE
				? List.of(new SimpleGrantedAuthority(READ_AUTHORITY), new SimpleGrantedAuthority(WRITE_AUTHORITY))
				: List.of(new SimpleGrantedAuthority(READ_AUTHORITY));
	}

}
