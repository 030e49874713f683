package dev.forecast.forecast;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.forecast.error.BadRequestException;
import dev.forecast.series.Frequency;
import dev.forecast.series.Observations;
import dev.forecast.series.Series;
import dev.forecast.series.SeriesService;
import dev.forecast.series.TimeFormat;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@code GET /forecast}: binds the method to the series, reads only the points it needs
 * from the end of the series ({@code lookback + residualWindow}), forecasts, and puts the
 * prediction intervals around the forecast.
 */
@Service
class ForecastService {

	private final SeriesService series;

	private final Forecasters forecasters;

	private final ForecastProperties properties;

	ForecastService(SeriesService series, Forecasters forecasters, ForecastProperties properties) {
		this.series = series;
		this.forecasters = forecasters;
		this.properties = properties;
	}

	@Transactional(readOnly = true)
	public ForecastResponse forecast(long seriesId, Method method, ForecastParams params, int horizon, Levels levels) {
		checkHorizon(horizon, this.properties.maxHorizon());
		Series series = this.series.get(seriesId);
		if (series.getLength() < 2) {
			throw BadRequestException.invalid("series", "series " + seriesId + " has " + series.getLength()
					+ " point; a forecast needs at least 2");
		}
		ForecastModel model = this.forecasters.get(method, seriesId).bind(series, params);
		int lookback = model.lookback();
		Observations tail = this.series.tail(series, lookback + this.properties.residualWindow());
		double[] x = tail.values();
		double[] forecast = model.forecast(x, x.length, horizon);
		Intervals intervals = Intervals.of(model.residuals(x, 0), 0, x.length, levels);
		List<LocalDateTime> times = futureTimes(series, tail, horizon);
		List<ForecastResponse.Point> points = new ArrayList<>(horizon);
		for (int k = 0; k < horizon; k++) {
			points.add(new ForecastResponse.Point(TimeFormat.format(times.get(k), series.isDateOnly()), forecast[k],
					intervals.around(forecast[k], model.spread(k + 1))));
		}
		return new ForecastResponse(seriesId, method.code(), horizon, model.params(), model.run(), points);
	}

	static void checkHorizon(int horizon, int max) {
		if (horizon < 1 || horizon > max) {
			throw BadRequestException.invalid("horizon", "must be between 1 and " + max + ", was " + horizon);
		}
	}

	/**
	 * The times of the next {@code horizon} steps: the series' frequency continued from its last
	 * point (month-ends stay month-ends), or for an irregular series the last spacing repeated.
	 */
	static List<LocalDateTime> futureTimes(Series series, Observations tail, int horizon) {
		LocalDateTime end = series.getEnd();
		Frequency frequency = series.getFrequency();
		List<LocalDateTime> times = new ArrayList<>(horizon);
		long step = frequency != null ? 0 : tail.times()[tail.size() - 1] - tail.times()[tail.size() - 2];
		for (int k = 1; k <= horizon; k++) {
			times.add(frequency != null ? frequency.plus(end, k) : end.plusSeconds(step * k));
		}
		return times;
	}

}
