package dev.forecast.forecast;

import java.time.LocalDateTime;
import java.util.List;

import dev.forecast.error.BadRequestException;
import dev.forecast.series.Frequency;
import dev.forecast.series.Observations;
import dev.forecast.series.Series;
import dev.forecast.series.SeriesService;
import dev.forecast.series.SeriesView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class ForecastServiceTests {

	private static final int RESIDUAL_WINDOW = 1000;

	private static final ForecastProperties PROPERTIES = new ForecastProperties(1000, RESIDUAL_WINDOW, 10_000, 100_000,
			100_000, 1000, 100, 2_000_000_000L, java.time.Duration.ofSeconds(60));

	private final SeriesService seriesService = mock(SeriesService.class);

	private final ForecastService service = new ForecastService(this.seriesService,
			new Forecasters(List.of(new NaiveForecaster(), new MovingAverageForecaster(), new SeasonalNaiveForecaster(),
					new DiffMovingAverageForecaster()), List.of(new ThetaMethod()), PROPERTIES),
			PROPERTIES);

	@Test
	void aForecastOnAMillionPointsReadsOnlyTheTail() {
		Series series = ForecasterTests.entity(1_000_000, Frequency.HOURLY);
		LocalDateTime end = LocalDateTime.of(2020, 1, 1, 0, 0).plusHours(999_999);
		given(series.getEnd()).willReturn(end);
		given(this.seriesService.get(7)).willReturn(series);
		given(this.seriesService.tail(any(), anyInt())).willAnswer(call -> ramp(end, call.getArgument(1)));

		ForecastResponse naive = this.service.forecast(7, Method.NAIVE, ForecastParams.none(), 12, Levels.DEFAULT);
		ForecastResponse average = this.service.forecast(7, Method.MOVING_AVERAGE, ForecasterTests.window(30), 12,
				Levels.DEFAULT);

		verify(this.seriesService).tail(SeriesView.of(series), 1 + RESIDUAL_WINDOW);
		verify(this.seriesService).tail(SeriesView.of(series), 30 + RESIDUAL_WINDOW);
		verify(this.seriesService, never()).points(anyLong());
		assertThat(naive.points().get(0).v()).isEqualTo(999_999);
		assertThat(average.points().get(0).v()).isEqualTo(999_999 - 14.5);
	}

	@Test
	void aForecastEstimatedOverTheWorkLimitIsRefusedNamingEstimateAndLimit() {
		ForecastProperties tight = new ForecastProperties(1000, RESIDUAL_WINDOW, 10_000, 100_000, 100_000, 1000, 100,
				100_000L, java.time.Duration.ofSeconds(60));
		ForecastService limited = new ForecastService(this.seriesService,
				new Forecasters(List.of(new MovingAverageForecaster()), List.of(), tight), tight);
		Series series = ForecasterTests.entity(10_000, Frequency.HOURLY);
		given(this.seriesService.get(7)).willReturn(series);

		// 1000 residuals x a window of 100 values read, plus 1000 steps x 100: 2e5 > 1e5
		assertThatThrownBy(
				() -> limited.forecast(7, Method.MOVING_AVERAGE, ForecasterTests.window(100), 1000, Levels.DEFAULT))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("2.00e+05")
			.hasMessageContaining("1.00e+05")
			.hasMessageContaining("forecast.forecast.max-work");
		verify(this.seriesService, never()).tail(any(), anyInt());
	}

	@Test
	void aClassicalModelIsFittedOncePerSeriesStateToItsBoundedTail() {
		Series series = ForecasterTests.entity(1_000_000, Frequency.HOURLY);
		LocalDateTime end = LocalDateTime.of(2020, 1, 1, 0, 0).plusHours(999_999);
		given(series.getEnd()).willReturn(end);
		given(this.seriesService.get(7)).willReturn(series);
		given(this.seriesService.tail(any(), anyInt())).willAnswer(call -> ramp(end, call.getArgument(1)));

		ForecastResponse first = this.service.forecast(7, Method.THETA, ForecastParams.none(), 12, Levels.DEFAULT);
		ForecastResponse again = this.service.forecast(7, Method.THETA, ForecastParams.none(), 24, Levels.DEFAULT);

		verify(this.seriesService).tail(SeriesView.of(series), 1000);
		assertThat(again.points().subList(0, 12)).extracting(ForecastResponse.Point::v)
			.containsExactlyElementsOf(first.points().stream().map(ForecastResponse.Point::v).toList());
		// a straight line: theta continues it
		assertThat(first.points().get(0).v()).isCloseTo(1_000_000, within(1.0));
		assertThat(first.params()).containsEntry("season", 24).containsKey("alpha");
	}

	@Test
	void monthEndsStayMonthEnds() {
		Series series = ForecasterTests.entity(100, Frequency.monthly(true));
		given(series.getEnd()).willReturn(LocalDateTime.of(2018, 1, 31, 0, 0));
		given(series.isDateOnly()).willReturn(true);
		given(this.seriesService.get(7)).willReturn(series);
		given(this.seriesService.tail(any(), anyInt()))
			.willAnswer(call -> ramp(series.getEnd(), Math.min(100, call.<Integer>getArgument(1))));

		ForecastResponse forecast = this.service.forecast(7, Method.NAIVE, ForecastParams.none(), 4, Levels.DEFAULT);

		assertThat(forecast.points()).extracting(ForecastResponse.Point::t)
			.containsExactly("2018-02-28", "2018-03-31", "2018-04-30", "2018-05-31");
	}

	@Test
	void hourlyStaysHourly() {
		assertThat(ForecastService.futureTimes(LocalDateTime.of(2016, 7, 1, 23, 0), Frequency.HOURLY, 0, 3))
			.containsExactly(LocalDateTime.of(2016, 7, 2, 0, 0), LocalDateTime.of(2016, 7, 2, 1, 0),
					LocalDateTime.of(2016, 7, 2, 2, 0));
	}

	@Test
	void anIrregularSeriesRepeatsItsLastSpacing() {
		Series irregular = ForecasterTests.entity(3, null);
		given(irregular.getEnd()).willReturn(LocalDateTime.of(2016, 7, 1, 10, 0));
		given(this.seriesService.get(8)).willReturn(irregular);
		given(this.seriesService.tail(any(), anyInt())).willReturn(
				new Observations(new long[] { seconds(2016, 7, 1, 0), seconds(2016, 7, 1, 7), seconds(2016, 7, 1, 10) },
						new double[] { 1, 2, 3 }));

		ForecastResponse forecast = this.service.forecast(8, Method.NAIVE, ForecastParams.none(), 2, Levels.DEFAULT);

		assertThat(forecast.points()).extracting(ForecastResponse.Point::t)
			.containsExactly("2016-07-01T13:00:00", "2016-07-01T16:00:00");
	}

	/**
	 * {@code count} hourly points ending at {@code end} whose values count up to their
	 * index in the series.
	 */
	private static Observations ramp(LocalDateTime end, int count) {
		long last = Observations.toEpochSecond(end);
		long[] times = new long[count];
		double[] values = new double[count];
		for (int i = 0; i < count; i++) {
			times[i] = last - 3600L * (count - 1 - i);
			values[i] = 1_000_000 - count + i;
		}
		return new Observations(times, values);
	}

	private static long seconds(int year, int month, int day, int hour) {
		return Observations.toEpochSecond(LocalDateTime.of(year, month, day, hour, 0));
	}

}
