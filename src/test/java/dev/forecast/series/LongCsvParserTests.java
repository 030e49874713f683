package dev.forecast.series;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import dev.forecast.error.BadRequestException;
import dev.forecast.error.PayloadTooLargeException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LongCsvParserTests {

	private static final LongCsvParser.Options DETECT = new LongCsvParser.Options(null, null, null, null, null);

	private static LongTable parse(String csv, LongCsvParser.Options options) {
		return LongCsvParser.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), options, 1000,
				"limit");
	}

	@Test
	void uniqueIdDsYKeepsTheOrderOfFirstAppearanceAndSortsEachId() {
		LongTable table = parse("unique_id,ds,y\nB,2024-01-02,2\nA,2024-01-01,1\nB,2024-01-01,1.5\n", DETECT);

		assertThat(table.rows()).isEqualTo(3);
		assertThat(table.members()).extracting(LongTable.Member::id).containsExactly("B", "A");
		assertThat(table.members().get(0).series().points().values()).containsExactly(1.5, 2.0);
		assertThat(table.members().get(0).series().dateOnly()).isTrue();
	}

	@Test
	void columnsFromTheFirstRowWithoutAHeaderAndInAnyPlace() {
		LongTable table = parse("2024-01-01 00:00:00;7;s1;1,5\n2024-01-01 01:00:00;7;s1;2,5\n", DETECT);

		assertThat(table.members()).extracting(LongTable.Member::id).containsExactly("7");
		assertThat(table.members().get(0).series().points().values()).containsExactly(1.5, 2.5);
		assertThat(table.members().get(0).series().dateOnly()).isFalse();
	}

	@Test
	void namedColumns() {
		LongTable table = parse("a,b,c,d\nx,2024-01-01,3,4\n", new LongCsvParser.Options("a", "2", "c", null, null));

		assertThat(table.members().get(0).series().points().values()).containsExactly(3.0);
	}

	@Test
	void errorsNameTheLineAndTheId() {
		assertThatThrownBy(() -> parse("id,date,value\nA,2024-01-01,1\nA,2024-13-01,2\n", DETECT))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("Line 3 (id 'A'), column 'date' (#2)");
		assertThatThrownBy(() -> parse("id,date,value\nA,2024-01-01,1\n,2024-01-02,2\n", DETECT))
			.hasMessageContaining("Line 3")
			.hasMessageContaining("the id is empty");
		assertThatThrownBy(() -> parse("id,date,value\nA,2024-01-01,1\nB,2024-01-01,2\nA,2024-01-01,3\n", DETECT))
			.hasMessageContaining("Line 4 (id 'A')")
			.hasMessageContaining("repeats the one on line 2");
		assertThatThrownBy(() -> parse("id,date,value\nA,2024-01-01,NaN\n", DETECT))
			.hasMessageContaining("not a finite number");
		assertThatThrownBy(() -> parse("id,date\nA,2024-01-01\n", DETECT)).hasMessageContaining("no numeric value");
	}

	@Test
	void rowsPastTheLimitAre413() {
		StringBuilder csv = new StringBuilder("id,date,value\n");
		for (int i = 0; i < 1001; i++) {
			csv.append("A,").append(java.time.LocalDate.of(2000, 1, 1).plusDays(i)).append(",1\n");
		}
		assertThatThrownBy(() -> parse(csv.toString(), DETECT)).isInstanceOf(PayloadTooLargeException.class)
			.hasMessageContaining("1000 rows");
	}

}
