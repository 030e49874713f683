package dev.forecast.idempotency;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of what makes a request what it is (endpoint, parameters, body): a key
 * reused with another fingerprint is another request.
 */
public final class Fingerprint {

	private final MessageDigest digest;

	private Fingerprint(String endpoint) {
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		add(endpoint);
	}

	/**
	 * A fingerprint that starts with the endpoint, such as {@code POST /series}, and
	 * {@code parts}.
	 */
	public static Fingerprint of(String endpoint, String... parts) {
		Fingerprint fingerprint = new Fingerprint(endpoint);
		for (String part : parts) {
			fingerprint.add(part);
		}
		return fingerprint;
	}

	/** Adds one part (a parameter, {@code null} included). */
	public Fingerprint add(String part) {
		byte[] bytes = (part == null) ? new byte[] { 0 } : part.getBytes(StandardCharsets.UTF_8);
		this.digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
		this.digest.update((byte) ':');
		this.digest.update(bytes);
		return this;
	}

	/** {@code body}, adding every byte read from it to the fingerprint. */
	public InputStream reading(InputStream body) {
		this.digest.update((byte) '|');
		return new DigestInputStream(body, this.digest);
	}

	String hex() {
		return HexFormat.of().formatHex(this.digest.digest());
	}

}
