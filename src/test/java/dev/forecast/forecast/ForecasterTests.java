package dev.forecast.forecast;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import dev.forecast.error.BadRequestException;
import dev.forecast.series.Frequency;
import dev.forecast.series.Series;
import dev.forecast.series.SeriesView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class ForecasterTests {

	@Test
	void movingAverageOfTheCourseWeeklySales() {
		double[] sales = { 39, 44, 40 };
		ForecastModel model = new MovingAverageForecaster().bind(series(3, Frequency.WEEKLY), window(3));

		assertThat(model.lookback()).isEqualTo(3);
		assertThat(model.forecast(sales, sales.length, 1)).containsExactly(41.0);
	}

	@Test
	void movingAverageFeedsItsEarlierForecastsBack() {
		double[] x = { 39, 44, 40 };
		ForecastModel model = new MovingAverageForecaster().bind(series(3, Frequency.WEEKLY), window(3));

		double[] forecast = model.forecast(x, x.length, 3);

		assertThat(forecast[0]).isEqualTo(41.0);
		assertThat(forecast[1]).isCloseTo((44 + 40 + 41) / 3.0, within(1e-12));
		assertThat(forecast[2]).isCloseTo((40 + 41 + forecast[1]) / 3.0, within(1e-12));
	}

	@Test
	void naiveRepeatsTheLastValue() {
		double[] x = { 5, 7, 3 };
		ForecastModel model = new NaiveForecaster().bind(series(3, Frequency.DAILY), ForecastParams.none());

		assertThat(model.lookback()).isEqualTo(1);
		assertThat(model.forecast(x, x.length, 3)).containsExactly(3.0, 3.0, 3.0);
		assertThat(model.residuals(x, 0)).containsExactly(Double.NaN, 2.0, -4.0);
	}

	@Test
	void seasonalNaiveRepeatsTheLastSeason() {
		double[] x = { 1, 2, 3, 4, 5, 6, 7 };
		ForecastModel model = new SeasonalNaiveForecaster().bind(series(7, Frequency.DAILY),
				new ForecastParams(null, 3, null, null));

		assertThat(model.lookback()).isEqualTo(3);
		assertThat(model.forecast(x, x.length, 7)).containsExactly(5, 6, 7, 5, 6, 7, 5);
	}

	@Test
	void seasonalNaiveTakesItsSeasonFromTheFrequency() {
		ForecastModel monthly = new SeasonalNaiveForecaster().bind(series(100, Frequency.monthly(true)),
				ForecastParams.none());
		ForecastModel hourly = new SeasonalNaiveForecaster().bind(series(100, Frequency.HOURLY), ForecastParams.none());

		assertThat(monthly.params()).containsEntry("season", 12);
		assertThat(hourly.params()).containsEntry("season", 24);
	}

	@Test
	void diffMovingAverageAddsTheMeanSeasonalDifferenceToThePast() {
		// season 4, window 2: d(t) = x(t) - x(t-4)
		double[] x = { 10, 20, 30, 40, 12, 23, 34, 45 };
		ForecastModel model = new DiffMovingAverageForecaster().bind(series(8, Frequency.DAILY),
				new ForecastParams(2, 4, 0, null));

		// forecast of x(8): mean(d(6), d(7)) + x(4) = mean(34-30, 45-40) + 12
		assertThat(model.lookback()).isEqualTo(6);
		assertThat(model.forecast(x, x.length, 1)[0]).isCloseTo((4 + 5) / 2.0 + 12, within(1e-12));
	}

	@Test
	void diffMovingAverageWithSmoothingUsesTheCentredAverageOfThePast() {
		double[] x = { 10, 20, 30, 40, 12, 23, 34, 45 };
		ForecastModel model = new DiffMovingAverageForecaster().bind(series(8, Frequency.DAILY),
				new ForecastParams(2, 4, 1, null));

		// x(t - season) = x(4) is replaced by the mean of x(3), x(4), x(5)
		assertThat(model.forecast(x, x.length, 1)[0]).isCloseTo((4 + 5) / 2.0 + (40 + 12 + 23) / 3.0, within(1e-12));
		assertThat(model.params()).containsEntry("smoothing", 1);
	}

	@Test
	void badParametersNameThemselves() {
		SeriesView ten = series(10, Frequency.DAILY);
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> new MovingAverageForecaster().bind(ten, window(11)))
			.satisfies(ex -> assertThat(ex.errors().get(0).field()).isEqualTo("window"));
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> new MovingAverageForecaster().bind(ten, window(0)))
			.satisfies(ex -> assertThat(ex.errors().get(0).field()).isEqualTo("window"));
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> new SeasonalNaiveForecaster().bind(ten, new ForecastParams(null, 10, null, null)))
			.satisfies(ex -> assertThat(ex.errors().get(0).field()).isEqualTo("season"));
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> new DiffMovingAverageForecaster().bind(ten, new ForecastParams(2, 4, 4, null)))
			.satisfies(ex -> assertThat(ex.errors().get(0).field()).isEqualTo("smoothing"));
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> new DiffMovingAverageForecaster().bind(ten, new ForecastParams(7, 4, 0, null)))
			.satisfies(ex -> assertThat(ex.errors().get(0).field()).isEqualTo("window"));
	}

	@Test
	void everyMethodAnswersWithItsDefaultsOnEveryShortSeries() {
		List<Forecaster> forecasters = List.of(new NaiveForecaster(), new SeasonalNaiveForecaster(),
				new MovingAverageForecaster(), new DiffMovingAverageForecaster(),
				new ClassicalForecaster(new ThetaMethod(), 1000));
		for (Frequency frequency : Arrays.asList(Frequency.monthly(true), Frequency.quarterly(false), Frequency.DAILY,
				Frequency.HOURLY, Frequency.WEEKLY, Frequency.yearly(false), null)) {
			for (int length : new int[] { 3, 5, 13, 30, 60 }) {
				double[] x = new Random(length).doubles(length, 10, 20).toArray();
				for (Forecaster forecaster : forecasters) {
					ForecastModel model = forecaster.bind(series(length, frequency), ForecastParams.none());
					String what = forecaster.method().code() + " on " + length + " points " + frequency + " "
							+ model.params();
					assertThat(model.lookback()).as(what).isBetween(1, length);
					double[] forecast = model.forecast(x, length, 3);
					assertThat(Arrays.stream(forecast).allMatch(Double::isFinite)).as(what).isTrue();
				}
			}
		}
	}

	@Test
	void defaultWindowsAndSeasonsFollowTheFrequencyAndTheLength() {
		assertThat(new MovingAverageForecaster().bind(series(100, Frequency.monthly(true)), ForecastParams.none())
			.params()).containsEntry("window", 12);
		assertThat(
				new MovingAverageForecaster().bind(series(5, Frequency.monthly(true)), ForecastParams.none()).params())
			.containsEntry("window", 5);
		assertThat(new MovingAverageForecaster().bind(series(100, null), ForecastParams.none()).params())
			.containsEntry("window", 3);
		assertThat(
				new SeasonalNaiveForecaster().bind(series(12, Frequency.monthly(true)), ForecastParams.none()).params())
			.containsEntry("season", 1);
		assertThat(
				new SeasonalNaiveForecaster().bind(series(13, Frequency.monthly(true)), ForecastParams.none()).params())
			.containsEntry("season", 12);
		assertThat(new SeasonalNaiveForecaster().bind(series(10, null), ForecastParams.none()).params())
			.containsEntry("season", 1);
		assertThat(new DiffMovingAverageForecaster().bind(series(30, Frequency.monthly(true)), ForecastParams.none())
			.params()).containsEntry("season", 12).containsEntry("window", 12);
		assertThat(new DiffMovingAverageForecaster().bind(series(20, Frequency.monthly(true)), ForecastParams.none())
			.params()).containsEntry("season", 1).containsEntry("window", 12);
	}

	static ForecastParams window(int window) {
		return new ForecastParams(window, null, null, null);
	}

	static SeriesView series(long length, Frequency frequency) {
		return new SeriesView(1, length, frequency, null, false, null);
	}

	/** A stored series (entity) as {@code SeriesService} hands it out. */
	static Series entity(long length, Frequency frequency) {
		Series series = mock(Series.class);
		given(series.getId()).willReturn(1L);
		given(series.getLength()).willReturn(length);
		given(series.getFrequency()).willReturn(frequency);
		return series;
	}

}
