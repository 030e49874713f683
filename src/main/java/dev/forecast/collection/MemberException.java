package dev.forecast.collection;

import dev.forecast.error.ApiException;

/**
 * A problem with one member of an upload, as its cause says it, prefixed with the
 * member's id so the client knows which series to fix.
 */
class MemberException extends ApiException {

	MemberException(String id, ApiException cause) {
		super(cause.status(), cause.title(), "Id '" + id + "': " + cause.getMessage(), cause.errors());
	}

}
