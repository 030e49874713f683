package dev.forecast.series;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import dev.forecast.error.BadRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvSeriesParserTests {

	@Test
	void unnamedIndexColumnHeaderAndCrlf() {
		ParsedSeries parsed = parse(
				",Date,Monthly Mean Total Sunspot Number\r\n0,1749-01-31,96.7\r\n1,1749-02-28,104.3\r\n");

		assertThat(parsed.points().values()).containsExactly(96.7, 104.3);
		assertThat(parsed.points().time(1).toString()).isEqualTo("1749-02-28T00:00");
		assertThat(parsed.dateOnly()).isTrue();
	}

	@Test
	void quotedFieldsByteOrderMarkAndNoHeader() {
		ParsedSeries parsed = parse("\uFEFF\"2016-07-01 00:00:00\",\"1.5\"\n\"2016-07-01 01:00:00\",\"2.5\"\n");

		assertThat(parsed.points().values()).containsExactly(1.5, 2.5);
		assertThat(parsed.dateOnly()).isFalse();
	}

	@Test
	void columnsChosenByNameOrPosition() {
		String csv = "when,a,b\n2024-01-01,1,10\n2024-01-02,2,20\n";

		assertThat(CsvSeriesParser.parse(stream(csv), "WHEN", "a").points().values()).containsExactly(1, 2);
		assertThat(CsvSeriesParser.parse(stream(csv), "1", "3").points().values()).containsExactly(10, 20);
		assertThatThrownBy(() -> CsvSeriesParser.parse(stream(csv), null, "c")).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("no column 'c'");
	}

	@Test
	void badNumberNamesLineAndColumn() {
		assertThatThrownBy(() -> parse("date,value\n2024-01-01,1\n2024-01-02,abc\n"))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("Line 3")
			.hasMessageContaining("'value'")
			.hasMessageContaining("'abc' is not a number");
	}

	@Test
	void controlCharactersInANumberNameLineAndColumn() {
		assertThatThrownBy(() -> parse("date,value\n2024-01-01,1\n2024-01-02,1\u0000\n"))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("Line 3")
			.hasMessageContaining("'value'")
			.hasMessageContaining("U+0000");
		assertThatThrownBy(() -> parse("date,value\n2024-01-01,\u00072\n")).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("Line 2")
			.hasMessageContaining("U+0007");
	}

	@Test
	void badDateNamesLineAndColumn() {
		assertThatThrownBy(() -> parse("date,value\n2024-01-01,1\n2024-02-30,2\n"))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("Line 3")
			.hasMessageContaining("'date'")
			.hasMessageContaining("'2024-02-30' is not a date");
	}

	@Test
	void missingFieldIsReported() {
		assertThatThrownBy(() -> parse("date,value\n2024-01-01,1\n2024-01-02\n"))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("Line 3");
	}

	private static ParsedSeries parse(String csv) {
		return CsvSeriesParser.parse(stream(csv), null, null);
	}

	private static ByteArrayInputStream stream(String csv) {
		return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
	}

}
