package dev.forecast.series;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTests {

	@Test
	void readsTheFormsPeopleWrite() {
		assertThat(parse("2018-07-31")).isEqualTo(LocalDateTime.parse("2018-07-31T00:00"));
		assertThat(parse("2016-07-01 13:45:10")).isEqualTo(LocalDateTime.parse("2016-07-01T13:45:10"));
		assertThat(parse("2016-07-01T13:45")).isEqualTo(LocalDateTime.parse("2016-07-01T13:45"));
		assertThat(parse(" 2016-07-01T13:45:10.500 ")).isEqualTo(LocalDateTime.parse("2016-07-01T13:45:10"));
		assertThat(parse("2016-07-01T13:45:10+02:00")).isEqualTo(LocalDateTime.parse("2016-07-01T11:45:10"));
		assertThat(parse("1949-01")).isEqualTo(LocalDateTime.parse("1949-01-01T00:00"));
	}

	@Test
	void rejectsWhatIsNotATimestamp() {
		assertThat(Timestamps.parse("2018-02-30")).isEqualTo(Timestamps.INVALID);
		assertThat(Timestamps.parse("2018-13-01")).isEqualTo(Timestamps.INVALID);
		assertThat(Timestamps.parse("96.7")).isEqualTo(Timestamps.INVALID);
		assertThat(Timestamps.parse("")).isEqualTo(Timestamps.INVALID);
		assertThat(Timestamps.parse("2016-07-01 25:00:00")).isEqualTo(Timestamps.INVALID);
		assertThat(Timestamps.parse("yesterday")).isEqualTo(Timestamps.INVALID);
	}

	private static LocalDateTime parse(String text) {
		return Observations.toDateTime(Timestamps.parse(text));
	}

}
