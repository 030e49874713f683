package dev.forecast.series;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrequencyInferenceTests {

	@Test
	void monthEndDatesAreMonthlyAnchoredOnMonthEnds() {
		FrequencyInference.Result result = infer("1749-01-31", "1749-02-28", "1749-03-31", "1749-04-30", "1752-02-29");

		assertThat(result.frequency()).isEqualTo(Frequency.monthly(true));
		assertThat(result.gaps()).isEqualTo(33);
	}

	@Test
	void monthStartDatesAreMonthly() {
		FrequencyInference.Result result = infer("1949-01-01", "1949-02-01", "1949-03-01", "1949-04-01");

		assertThat(result.frequency()).isEqualTo(Frequency.monthly(false));
		assertThat(result.gaps()).isZero();
	}

	@Test
	void dailyWithTwoMissingDaysCountsTwoGaps() {
		FrequencyInference.Result result = infer("2024-02-27", "2024-02-28", "2024-03-01", "2024-03-02", "2024-03-04");

		assertThat(result.frequency()).isEqualTo(Frequency.DAILY);
		assertThat(result.gaps()).isEqualTo(2);
	}

	@Test
	void weekly() {
		assertThat(infer("2024-01-07", "2024-01-14", "2024-01-21").frequency()).isEqualTo(Frequency.WEEKLY);
	}

	@Test
	void hourlyWrittenWithSeconds() {
		FrequencyInference.Result result = infer("2016-07-01 00:00:00", "2016-07-01 01:00:00", "2016-07-01 02:00:00",
				"2016-07-01 05:00:00");

		assertThat(result.frequency()).isEqualTo(Frequency.HOURLY);
		assertThat(result.gaps()).isEqualTo(2);
	}

	@Test
	void quarterlyAndYearly() {
		assertThat(infer("2020-03-31", "2020-06-30", "2020-09-30", "2020-12-31").frequency())
			.isEqualTo(Frequency.quarterly(true));
		assertThat(infer("2019-01-01", "2020-01-01", "2021-01-01").frequency()).isEqualTo(Frequency.yearly(false));
	}

	@Test
	void fifteenMinutesIsAnIsoDuration() {
		Frequency frequency = infer("2024-01-01 00:00:00", "2024-01-01 00:15:00", "2024-01-01 00:30:00").frequency();

		assertThat(frequency.code()).isEqualTo("PT15M");
	}

	@Test
	void irregularSpacingHasNoFrequency() {
		FrequencyInference.Result result = infer("2024-01-01", "2024-01-03", "2024-01-06");

		assertThat(result.frequency()).isNull();
		assertThat(result.gaps()).isZero();
	}

	@Test
	void onePointHasNoFrequency() {
		assertThat(infer("2024-01-01").frequency()).isNull();
	}

	@Test
	void monthEndStepsStayOnMonthEnds() {
		Frequency monthly = Frequency.monthly(true);
		LocalDateTime january = LocalDateTime.parse("2018-01-31T00:00");

		assertThat(monthly.plus(january, 1)).isEqualTo(LocalDateTime.parse("2018-02-28T00:00"));
		assertThat(monthly.plus(january, 2)).isEqualTo(LocalDateTime.parse("2018-03-31T00:00"));
		assertThat(monthly.stepsBetween(january, LocalDateTime.parse("2018-04-30T00:00"))).isEqualTo(3);
		assertThat(monthly.stepsBetween(january, LocalDateTime.parse("2018-04-29T00:00"))).isEqualTo(-1);
	}

	@Test
	void parsesCodes() {
		LocalDateTime monthEnd = LocalDateTime.parse("1749-01-31T00:00");
		assertThat(Frequency.parse("monthly", monthEnd)).isEqualTo(Frequency.monthly(true));
		assertThat(Frequency.parse("PT15M", null).code()).isEqualTo("PT15M");
		assertThat(Frequency.parse("P1D", null)).isEqualTo(Frequency.DAILY);
		assertThat(Frequency.parse("P2W", null).code()).isEqualTo("PT336H");
	}

	private static FrequencyInference.Result infer(String... times) {
		List<String> list = List.of(times);
		long[] t = list.stream().mapToLong(Timestamps::parse).toArray();
		return FrequencyInference.infer(new Observations(t, new double[t.length]));
	}

}
