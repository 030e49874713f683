package dev.forecast.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The scoring behind {@code bench/m3.sh}: the competition's sMAPE and its means per
 * period.
 */
class SmapeTableTests {

	@Test
	void smapeIsTheMeanOfTheSymmetricPercentageErrors() {
		// 200*10/210 and 200*10/190 (over- and under-forecast by 10 score differently),
		// and an exact step
		double smape = SmapeTable.smape(new double[] { 100, 100, 50 }, new double[] { 110, 90, 50 });

		assertThat(smape).isCloseTo((200.0 * 10 / 210 + 200.0 * 10 / 190 + 0) / 3, within(1e-12));
	}

	@Test
	void smapeUsesAbsoluteValuesAndScoresBothZeroAsExact() {
		assertThat(SmapeTable.smape(new double[] { 0, 10 }, new double[] { 0, -10 })).isCloseTo(100, within(1e-12));
		assertThat(SmapeTable.smape(new double[] { 5 }, new double[] { 0 })).isCloseTo(200, within(1e-12));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SmapeTable.smape(new double[] { 1, 2 }, new double[] { 1 }));
	}

	@Test
	void allIsTheMeanOverSeriesNotTheMeanOfPeriodMeans() {
		SmapeTable table = new SmapeTable();
		table.add("YEARLY", 10);
		table.add("YEARLY", 20);
		table.add("YEARLY", 30);
		table.add("MONTHLY", 4);

		assertThat(table.mean("YEARLY")).isEqualTo(20);
		assertThat(table.mean("MONTHLY")).isEqualTo(4);
		assertThat(table.mean(SmapeTable.ALL)).isEqualTo(16);
		assertThat(table.count(SmapeTable.ALL)).isEqualTo(4);
		assertThat(table.mean("OTHER")).isNaN();
		assertThat(table.count("OTHER")).isZero();
	}

	@Test
	void participantsAreScoredOnTheTestPartsOfTheSeriesTheyForecast(@TempDir Path dir) throws IOException {
		Path m3 = Files.writeString(dir.resolve("m3.csv"), """
				id,period,type,n,h,frequency,start_year,start_cycle,part,step,value
				N0001,YEARLY,MICRO,2,2,1,1975,1,train,1,1
				N0001,YEARLY,MICRO,2,2,1,1975,1,train,2,2
				N0001,YEARLY,MICRO,2,2,1,1975,1,test,3,100
				N0001,YEARLY,MICRO,2,2,1,1975,1,test,4,100
				N1500,MONTHLY,MACRO,3,1,12,1,10,train,1,5
				N1500,MONTHLY,MACRO,3,1,12,1,10,train,2,6
				N1500,MONTHLY,MACRO,3,1,12,1,10,train,3,7
				N1500,MONTHLY,MACRO,3,1,12,1,10,test,4,50
				""");
		Path submitted = Files.writeString(dir.resolve("p.csv"), """
				method,id,step,forecast
				A,N0001,1,110
				A,N0001,2,90
				A,N1500,1,50
				B,N1500,1,100
				""");
		List<M3Data.Series> series = M3Data.series(m3);
		Map<String, M3Data.Series> byId = Map.of("N0001", series.get(0), "N1500", series.get(1));

		Map<String, SmapeTable> scores = M3Benchmark.score(M3Data.participants(submitted, byId), byId);

		assertThat(series.get(1).train()).containsExactly(5, 6, 7);
		assertThat(series.get(1).start()).isEqualTo("2000-10-01");
		assertThat(series.get(1).calendar()).isEqualTo("MONTHLY");
		double yearly = (200.0 * 10 / 210 + 200.0 * 10 / 190) / 2;
		assertThat(scores.get("A").mean("YEARLY")).isCloseTo(yearly, within(1e-12));
		assertThat(scores.get("A").mean(SmapeTable.ALL)).isCloseTo(yearly / 2, within(1e-12));
		assertThat(scores.get("B").count(SmapeTable.ALL)).isEqualTo(1);
		assertThat(scores.get("B").mean("MONTHLY")).isCloseTo(200.0 * 50 / 150, within(1e-12));
		assertThat(M3Report.rows(List.of(), scores)).extracting(M3Report.Row::name).containsExactly("A", "B");
	}

}
