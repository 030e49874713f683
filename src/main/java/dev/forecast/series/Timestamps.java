package dev.forecast.series;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads timestamps as people write them: {@code 2018-07-31}, {@code 2016-07-01 00:00:00},
 * {@code 2016-07-01T00:00}, ISO date-times with an offset (converted to UTC), and
 * {@code 1949-01} (the first of the month). The common forms take a fast path that
 * allocates nothing.
 */
public final class Timestamps {

	/** Marks a text that is not a timestamp. */
	public static final long INVALID = Long.MIN_VALUE;

	private Timestamps() {
	}

	/** Epoch seconds of {@code text} on the series' clock, or {@link #INVALID}. */
	public static long parse(String text) {
		String s = text.trim();
		int length = s.length();
		if (length >= 10 && isDigits(s, 0, 4) && s.charAt(4) == '-' && isDigits(s, 5, 7) && s.charAt(7) == '-'
				&& isDigits(s, 8, 10)) {
			int year = number(s, 0, 4);
			int month = number(s, 5, 7);
			int day = number(s, 8, 10);
			if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
				return INVALID;
			}
			long days = LocalDate.of(year, month, day).toEpochDay();
			if (length == 10) {
				return days * 86_400;
			}
			if ((length == 19 || length == 16) && (s.charAt(10) == ' ' || s.charAt(10) == 'T') && isDigits(s, 11, 13)
					&& s.charAt(13) == ':' && isDigits(s, 14, 16)
					&& (length == 16 || (s.charAt(16) == ':' && isDigits(s, 17, 19)))) {
				int hour = number(s, 11, 13);
				int minute = number(s, 14, 16);
				int second = length == 19 ? number(s, 17, 19) : 0;
				if (hour > 23 || minute > 59 || second > 59) {
					return INVALID;
				}
				return days * 86_400 + hour * 3600L + minute * 60L + second;
			}
		}
		return parseSlow(s);
	}

	private static long parseSlow(String s) {
		if (s.isEmpty()) {
			return INVALID;
		}
		String iso = s.replace(' ', 'T');
		try {
			return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ignored) {
			// try the next form
		}
		try {
			return OffsetDateTime.parse(iso)
				.withOffsetSameInstant(ZoneOffset.UTC)
				.toLocalDateTime()
				.toEpochSecond(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ignored) {
			// try the next form
		}
		try {
			return YearMonth.parse(s).atDay(1).toEpochDay() * 86_400;
		}
		catch (DateTimeParseException ignored) {
			return INVALID;
		}
	}

	private static boolean isDigits(String s, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static int number(String s, int from, int to) {
		int n = 0;
		for (int i = from; i < to; i++) {
			n = n * 10 + (s.charAt(i) - '0');
		}
		return n;
	}

}
