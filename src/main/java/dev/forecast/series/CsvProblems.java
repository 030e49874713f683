package dev.forecast.series;

import java.io.IOException;
import java.util.List;

import dev.forecast.error.BadRequestException;
import dev.forecast.error.FieldProblem;

/** The problems a CSV upload is refused with (400, titled {@value #TITLE}). */
final class CsvProblems {

	static final String TITLE = "Invalid CSV";

	private CsvProblems() {
	}

	static BadRequestException rowError(String column, long line, String message) {
		return new BadRequestException(TITLE, "Line " + line + ", column " + column + ": " + message + ".",
				List.of(new FieldProblem(column, "line " + line + ": " + message)));
	}

	static BadRequestException unreadable(IOException ex) {
		return new BadRequestException(TITLE, "The CSV body could not be read: " + ex.getMessage());
	}

	static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getMessage();
	}

}
