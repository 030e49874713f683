package dev.forecast.series;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import dev.forecast.error.BadRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CSV as European spreadsheets and Windows tools write it. */
class CsvDialectTests {

	@Test
	void semicolonsWithDecimalCommas() {
		assertThat(values("Datum;Wert\n2024-01-01;1,5\n2024-01-02;2,25\n2024-01-03;-3\n")).containsExactly(1.5, 2.25,
				-3.0);
	}

	@Test
	void tabsWithDecimalCommasOrPoints() {
		assertThat(values("date\tvalue\n2024-01-01\t1.5\n2024-01-02\t2\n")).containsExactly(1.5, 2.0);
		assertThat(values("2024-01-01\t1,5\n2024-01-02\t2,5\n")).containsExactly(1.5, 2.5);
	}

	@Test
	void germanExcelExportWithASepLineQuotesAndThousands() {
		String csv = "sep=;\r\n\"Datum\";\"Wert\"\r\n\"2024-01-01\";\"1.234,5\"\r\n\"2024-01-02\";\"2,5\"\r\n";

		assertThat(values(csv)).containsExactly(1234.5, 2.5);
	}

	@Test
	void quotedDecimalCommasInACommaFileNeedTheDecimalParameter() {
		String csv = "date,value\n2024-01-01,\"1,5\"\n2024-01-02,\"2,5\"\n";

		assertThat(CsvSeriesParser.parse(stream(csv, StandardCharsets.UTF_8), null, null, null, ",").points().values())
			.containsExactly(1.5, 2.5);
		assertThatThrownBy(() -> values(csv)).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("'1,5'")
			.hasMessageContaining("decimal=,");
	}

	@Test
	void utf16WithAByteOrderMark() {
		String csv = "\uFEFFdate\tvalue\r\n2024-01-01\t1,5\r\n2024-01-02\t2\r\n";

		for (Charset charset : new Charset[] { StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE }) {
			ParsedSeries parsed = CsvSeriesParser.parse(stream(csv, charset), null, null);
			assertThat(parsed.points().values()).as(charset.name()).containsExactly(1.5, 2.0);
		}
	}

	@Test
	void utf16WithoutAByteOrderMarkSaysSo() {
		assertThatThrownBy(() -> CsvSeriesParser.parse(stream("date,value\n2024-01-01,1\n", StandardCharsets.UTF_16LE),
				null, null))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("UTF-16 without a byte-order mark");
	}

	@Test
	void anotherDelimiterIsGivenAsAParameterAndNamedWhenMissing() {
		String csv = "date|value\n2024-01-01|1\n2024-01-02|2\n";

		assertThat(CsvSeriesParser.parse(stream(csv, StandardCharsets.UTF_8), null, null, "|", null).points().values())
			.containsExactly(1.0, 2.0);
		assertThatThrownBy(() -> values(csv)).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("separated by commas")
			.hasMessageContaining("give delimiter");
	}

	@Test
	void givenParametersWinAndBadOnesAreNamed() {
		assertThat(CsvSeriesParser
			.parse(stream("sep=;\ndate,value\n2024-01-01,1\n", StandardCharsets.UTF_8), null, null, "comma", null)
			.points()
			.values()).containsExactly(1.0);
		assertThatThrownBy(
				() -> CsvSeriesParser.parse(stream("date,value\n", StandardCharsets.UTF_8), null, null, null, "x"))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("decimal");
		assertThatThrownBy(
				() -> CsvSeriesParser.parse(stream("date,value\n", StandardCharsets.UTF_8), null, null, "\"", null))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("delimiter");
	}

	@Test
	void commaFilesWithSemicolonsInQuotedTextStayCommaFiles() {
		assertThat(values("note,date,value\n\"a;b\",2024-01-01,1.5\n\"c\",2024-01-02,2\n")).containsExactly(1.5, 2.0);
	}

	private static double[] values(String csv) {
		return CsvSeriesParser.parse(stream(csv, StandardCharsets.UTF_8), null, null).points().values();
	}

	private static ByteArrayInputStream stream(String text, Charset charset) {
		return new ByteArrayInputStream(text.getBytes(charset));
	}

}
