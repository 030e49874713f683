package dev.forecast.error;

import java.util.List;
import java.util.Map;

/**
 * An error the client can fix, answered as an RFC 9457 problem detail by the web layer.
 * Features throw subclasses of this; they carry the HTTP status, a short human title and
 * a detail that says what to fix.
 */
public abstract class ApiException extends RuntimeException {

	private final int status;

	private final String title;

	private final List<FieldProblem> errors;

	protected ApiException(int status, String title, String detail) {
		this(status, title, detail, List.of());
	}

	protected ApiException(int status, String title, String detail, List<FieldProblem> errors) {
		super(detail);
		this.status = status;
		this.title = title;
		this.errors = List.copyOf(errors);
	}

	public int status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

	/** Response headers the answer must carry (for example {@code Retry-After}). */
	public Map<String, String> headers() {
		return Map.of();
	}

}
