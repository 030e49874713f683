package dev.forecast.series;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.forecast.error.BadRequestException;

/**
 * How a CSV upload is written: its encoding (UTF-8, or UTF-16 when it starts with that
 * byte-order mark), its field delimiter (given, named by an Excel {@code sep=} first
 * line, or detected among comma, semicolon and tab from the first lines) and its decimal
 * mark (a comma is read whenever the delimiter is not a comma, or when asked with
 * {@code decimal=,}).
 *
 * @param charset the encoding of the text after the byte-order mark
 * @param delimiter the field delimiter
 * @param decimalComma whether numbers may be written with a decimal comma ({@code 1,5} or
 * {@code 1.234,5})
 * @param sepLine whether the first line is an Excel {@code sep=} line, to be skipped
 */
record CsvDialect(Charset charset, char delimiter, boolean decimalComma, boolean sepLine) {

	/** Bytes looked at to detect the dialect. */
	static final int SNIFF = 64 * 1024;

	private static final int SAMPLE_LINES = 50;

	/** Preferred first when several delimiters split every sampled line alike. */
	private static final char[] CANDIDATES = { '\t', ';', ',' };

	private static final Pattern SEP_LINE = Pattern.compile("(?i)\"?sep=(.)\"?");

	private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+,\\d*");

	static final CsvDialect DEFAULT = new CsvDialect(StandardCharsets.UTF_8, ',', false, false);

	/** A lenient reader of {@code in} in this dialect (close it when done). */
	CsvReader<CsvRecord> reader(InputStream in) {
		return CsvReader.builder()
			.fieldSeparator(this.delimiter)
			.skipEmptyLines(true)
			.allowExtraFields(true)
			.allowMissingFields(true)
			.ofCsvRecord(new InputStreamReader(in, this.charset));
	}

	/** The rows of {@code reader} after the {@code sep=} line, if the file has one. */
	Iterator<CsvRecord> rows(CsvReader<CsvRecord> reader) {
		Iterator<CsvRecord> rows = reader.iterator();
		if (this.sepLine && rows.hasNext()) {
			rows.next();
		}
		return rows;
	}

	/**
	 * The dialect of {@code body}, read from its first {@link #SNIFF} bytes; leaves
	 * {@code body} after its byte-order mark. {@code delimiter} and {@code decimal} are
	 * the request's parameters, each {@code null} to detect.
	 */
	static CsvDialect detect(BufferedInputStream body, String delimiter, String decimal) throws IOException {
		Character given = delimiter == null ? null : delimiter(delimiter);
		Boolean decimalComma = decimal == null ? null : decimalComma(decimal);
		body.mark(SNIFF);
		byte[] head = body.readNBytes(SNIFF);
		body.reset();
		Charset charset = StandardCharsets.UTF_8;
		int bom = 0;
		if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
			bom = 3;
		}
		else if (startsWith(head, 0xFF, 0xFE)) {
			charset = StandardCharsets.UTF_16LE;
			bom = 2;
		}
		else if (startsWith(head, 0xFE, 0xFF)) {
			charset = StandardCharsets.UTF_16BE;
			bom = 2;
		}
		else if (zeros(head) * 4 > head.length) {
			throw new BadRequestException("Invalid CSV", "The CSV holds NUL bytes in most characters: it looks like "
					+ "UTF-16 without a byte-order mark. Save it as UTF-8, or as UTF-16 with its byte-order mark.");
		}
		body.skipNBytes(bom);
		List<String> lines = lines(new String(head, bom, head.length - bom, charset), head.length == SNIFF);
		Matcher sep = lines.isEmpty() ? null : SEP_LINE.matcher(lines.get(0).strip());
		boolean sepLine = sep != null && sep.matches();
		char chosen = given != null ? given
				: sepLine ? sep.group(1).charAt(0) : detectDelimiter(sepLine ? lines.subList(1, lines.size()) : lines);
		return new CsvDialect(charset, chosen, decimalComma != null ? decimalComma : chosen != ',', sepLine);
	}

	/**
	 * The text of a number field as Java reads it: with decimal commas, {@code 1.234,5}
	 * becomes {@code 1234.5}.
	 */
	String number(String text) {
		if (!this.decimalComma || text.indexOf(',') < 0 || text.indexOf(',') != text.lastIndexOf(',')) {
			return text;
		}
		if (text.indexOf('.') >= 0) {
			return GROUPED.matcher(text).matches() ? text.replace(".", "").replace(',', '.') : text;
		}
		return text.replace(',', '.');
	}

	/**
	 * Which parameter would read {@code text} as a number, when it looks like another
	 * dialect's; else empty.
	 */
	String hint(String text) {
		if (text.indexOf(',') >= 0 && !this.decimalComma) {
			return " (decimal commas are read with decimal=,)";
		}
		if (text.indexOf(';') >= 0 || text.indexOf('\t') >= 0) {
			return " (fields were separated by " + name(this.delimiter) + "; give the delimiter parameter)";
		}
		return "";
	}

	/**
	 * What the upload was read as, and the parameters that change it, for error messages.
	 */
	String describe() {
		return "It was read as " + (this.charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : this.charset.name())
				+ " with fields separated by " + name(this.delimiter) + " and "
				+ (this.decimalComma ? "decimal commas" : "decimal points")
				+ "; if that is wrong, give delimiter (comma, semicolon, tab or one character) and decimal (. or ,).";
	}

	static String name(char delimiter) {
		return switch (delimiter) {
			case ',' -> "commas";
			case ';' -> "semicolons";
			case '\t' -> "tabs";
			default -> "'" + delimiter + "'";
		};
	}

	private static char detectDelimiter(List<String> lines) {
		for (char candidate : CANDIDATES) {
			if (!lines.isEmpty() && splitsAlike(lines, candidate)) {
				return candidate;
			}
		}
		return ',';
	}

	/**
	 * Whether {@code delimiter} occurs, outside quotes, equally often and at least once
	 * in every line.
	 */
	private static boolean splitsAlike(List<String> lines, char delimiter) {
		int expected = -1;
		for (String line : lines) {
			int count = 0;
			boolean quoted = false;
			for (int i = 0; i < line.length(); i++) {
				char c = line.charAt(i);
				if (c == '"') {
					quoted = !quoted;
				}
				else if (c == delimiter && !quoted) {
					count++;
				}
			}
			if (count == 0 || (expected >= 0 && count != expected)) {
				return false;
			}
			expected = count;
		}
		return true;
	}

	private static List<String> lines(String text, boolean truncated) {
		String[] split = text.split("\r\n|\n|\r", -1);
		int usable = truncated ? split.length - 1 : split.length;
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < usable && lines.size() < SAMPLE_LINES; i++) {
			if (!split[i].isBlank()) {
				lines.add(split[i]);
			}
		}
		return lines;
	}

	private static char delimiter(String text) {
		String key = text.toLowerCase(Locale.ROOT);
		switch (key) {
			case "comma":
				return ',';
			case "semicolon":
				return ';';
			case "tab", "\\t":
				return '\t';
			default:
				if (text.length() == 1 && text.charAt(0) != '"' && text.charAt(0) != '\n' && text.charAt(0) != '\r') {
					return text.charAt(0);
				}
				throw BadRequestException.invalid("delimiter", "'" + text
						+ "' is not a delimiter: use comma, semicolon, tab or one character other than a quote");
		}
	}

	private static boolean decimalComma(String text) {
		return switch (text.trim()) {
			case "," -> true;
			case "." -> false;
			default -> throw BadRequestException.invalid("decimal", "'" + text + "' is not a decimal mark: use . or ,");
		};
	}

	private static boolean startsWith(byte[] head, int... bytes) {
		if (head.length < bytes.length) {
			return false;
		}
		for (int i = 0; i < bytes.length; i++) {
			if ((head[i] & 0xFF) != bytes[i]) {
				return false;
			}
		}
		return true;
	}

	private static int zeros(byte[] head) {
		int zeros = 0;
		for (byte b : head) {
			if (b == 0) {
				zeros++;
			}
		}
		return zeros;
	}

}
