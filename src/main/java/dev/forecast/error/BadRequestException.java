package dev.forecast.error;

import java.util.List;

/** The request is malformed or a parameter is out of range (400). */
public class BadRequestException extends ApiException {

	public BadRequestException(String title, String detail) {
		super(400, title, detail);
	}

	public BadRequestException(String title, String detail, List<FieldProblem> errors) {
		super(400, title, detail, errors);
	}

	/** A single invalid parameter or field, named in the detail and in {@code errors}. */
	public static BadRequestException invalid(String field, String message) {
		return new BadRequestException("Invalid parameter", field + ": " + message,
				List.of(new FieldProblem(field, message)));
	}

}
