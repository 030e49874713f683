package dev.forecast.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configured API keys, held only as SHA-256 digests. A key is written
 * {@code key=scope} in {@code forecast.security.api-keys}, or {@code {sha256}hex=scope}
 * so that configuration need not hold the plain key. Lookups compare digests in constant
 * time and always look at every key.
 */
public final class ApiKeys {

	private static final String SHA256_PREFIX = "{sha256}";

	/**
	 * A configured key: its digest, scope and a fingerprint (digest prefix) that names it
	 * safely.
	 */
	public record Key(byte[] digest, Scope scope, String fingerprint) {
	}

	/** Plain keys shorter than this are warned about at start. */
	static final int MIN_LENGTH = 16;

	private final List<Key> keys;

	private final List<Integer> shortEntries;

	private ApiKeys(List<Key> keys, List<Integer> shortEntries) {
		this.keys = List.copyOf(keys);
		this.shortEntries = List.copyOf(shortEntries);
	}

	/**
	 * Reads the comma-separated {@code key=scope} list.
	 * @throws IllegalArgumentException naming the position of a malformed entry (never
	 * its key text)
	 */
	public static ApiKeys parse(String config) {
		List<Key> keys = new ArrayList<>();
		List<Integer> shortEntries = new ArrayList<>();
		if (config == null || config.isBlank()) {
			return new ApiKeys(keys, shortEntries);
		}
		String[] entries = config.split(",");
		for (int i = 0; i < entries.length; i++) {
			String entry = entries[i].trim();
			if (entry.isEmpty()) {
				continue;
			}
			int eq = entry.lastIndexOf('=');
			if (eq <= 0 || eq == entry.length() - 1) {
				throw new IllegalArgumentException(
						"forecast.security.api-keys entry " + (i + 1) + " is not of the form key=scope");
			}
			String key = entry.substring(0, eq).trim();
			Scope scope = Scope.parse(entry.substring(eq + 1));
			byte[] digest;
			if (key.regionMatches(true, 0, SHA256_PREFIX, 0, SHA256_PREFIX.length())) {
				String hex = key.substring(SHA256_PREFIX.length()).trim().toLowerCase(Locale.ROOT);
				if (!hex.matches("[0-9a-f]{64}")) {
					throw new IllegalArgumentException("forecast.security.api-keys entry " + (i + 1)
							+ ": {sha256} must be followed by 64 hex digits");
				}
				digest = HexFormat.of().parseHex(hex);
			}
			else {
				digest = sha256(key);
				if (key.length() < MIN_LENGTH) {
					shortEntries.add(i + 1);
				}
			}
			keys.add(new Key(digest, scope, HexFormat.of().formatHex(digest, 0, 6)));
		}
		return new ApiKeys(keys, shortEntries);
	}

	/**
	 * The warning to log at start when plain keys are shorter than {@value #MIN_LENGTH}
	 * characters (never their text).
	 */
	public Optional<String> weakKeyWarning() {
		if (this.shortEntries.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("forecast.security.api-keys entr" + (this.shortEntries.size() == 1 ? "y " : "ies ")
				+ this.shortEntries.stream().map(String::valueOf).collect(Collectors.joining(", "))
				+ (this.shortEntries.size() == 1 ? " is" : " are") + " shorter than " + MIN_LENGTH
				+ " characters and easy to guess: use long random keys (for example openssl rand -hex 24).");
	}

	public boolean isEmpty() {
		return this.keys.isEmpty();
	}

	public int size() {
		return this.keys.size();
	}

	/**
	 * The key matching {@code presented}, or {@code null}; takes the same time for any
	 * input of a given length.
	 */
	public Key find(String presented) {
		byte[] digest = sha256(presented);
		Key match = null;
		for (Key key : this.keys) {
			if (MessageDigest.isEqual(key.digest(), digest) && match == null) {
				match = key;
			}
		}
		return match;
	}

	public static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
