package dev.forecast.forecast;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.forecast.error.BadRequestException;
import dev.forecast.forecast.stats.FittedModel;
import dev.forecast.series.Frequency;
import dev.forecast.series.Observations;
import dev.forecast.series.SeriesDeleted;
import dev.forecast.series.SeriesService;
import dev.forecast.series.SeriesView;
import dev.forecast.series.TimeFormat;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@code GET /forecast}: binds the method to the series, reads only the points it
 * needs from the end of the series ({@code lookback + residualWindow}), forecasts, and
 * puts the prediction intervals around the forecast.
 * <p>
 * What a forecast takes from the points (the last {@code lookback} values and the
 * residual quantiles) is cached per series state: the key holds the series' length and
 * last update, which every request reads afresh from the database, so an append (on any
 * replica) makes a new key and a cached entry is never served for data that changed.
 */
@Service
public class ForecastService {

	private final SeriesService series;

	private final Forecasters forecasters;

	private final ForecastProperties properties;

	private final Cache<FitKey, Fit> fits;

	ForecastService(SeriesService series, Forecasters forecasters, ForecastProperties properties) {
		this.series = series;
		this.forecasters = forecasters;
		this.properties = properties;
		this.fits = Caffeine.newBuilder()
			.maximumWeight(properties.cacheValues())
			.weigher((FitKey key, Fit fit) -> fit.weight() + 32)
			.build();
	}

	@Transactional(readOnly = true)
	public ForecastResponse forecast(long seriesId, Method method, ForecastParams params, int horizon, Levels levels) {
		checkHorizon(horizon, this.properties.maxHorizon());
		SeriesView series = SeriesView.of(this.series.get(seriesId));
		if (series.length() < 2) {
			throw BadRequestException.invalid("series",
					"series " + seriesId + " has " + series.length() + " point; a forecast needs at least 2");
		}
		ForecastModel model = this.forecasters.get(method, seriesId).bind(series, params);
		FitKey key = new FitKey(seriesId, series.length(), series.updatedAt(), method, model.params(), model.run(),
				levels);
		checkWork(method, model, horizon);
		if (model instanceof FittingModel fitting) {
			Fit fit = this.fits.get(key, k -> fitWhole(series, fitting));
			return fitted(series, method, fitting, fit, horizon, levels);
		}
		SymmetricIntervals own = model.ownIntervals();
		Fit fit = this.fits.get(key, k -> fit(series, model, levels, own != null));
		double[] forecast = model.forecast(fit.recent(), fit.recent().length, horizon);
		List<LocalDateTime> times = futureTimes(series.end(), series.frequency(), fit.lastSpacing(), horizon);
		double[][] halfWidths = own == null || own.isEmpty() ? null : halfWidths(own, levels, horizon);
		List<ForecastResponse.Point> points = new ArrayList<>(horizon);
		for (int k = 0; k < horizon; k++) {
			Map<String, double[]> intervals = own == null ? fit.intervals().around(forecast[k], model.spread(k + 1))
					: symmetric(levels, halfWidths, forecast[k], k);
			points.add(new ForecastResponse.Point(TimeFormat.format(times.get(k), series.dateOnly()), forecast[k],
					intervals));
		}
		return new ForecastResponse(seriesId, method.code(), horizon, model.params(), model.run(), points);
	}

	/**
	 * A classical model's forecast: fitted once per series state to the last
	 * {@code lookback} points, intervals {@code forecast ± z * sqrt(variance)} per level
	 * (none where the variance is not a positive finite number).
	 */
	private ForecastResponse fitted(SeriesView series, Method method, FittingModel model, Fit fit, int horizon,
			Levels levels) {
		double[] forecast = fit.model().forecast(horizon);
		double[] variance = fit.model().forecastVariance(horizon);
		for (double value : forecast) {
			if (!Double.isFinite(value)) {
				throw BadRequestException.invalid("method",
						method.code() + " gives no finite forecast for series " + series.id() + "; use another method");
			}
		}
		List<LocalDateTime> times = futureTimes(series.end(), series.frequency(), fit.lastSpacing(), horizon);
		List<ForecastResponse.Point> points = new ArrayList<>(horizon);
		for (int k = 0; k < horizon; k++) {
			points.add(new ForecastResponse.Point(TimeFormat.format(times.get(k), series.dateOnly()), forecast[k],
					gaussian(levels, forecast[k], variance[k])));
		}
		return new ForecastResponse(series.id(), method.code(), horizon, model.describe(fit.model()), null, points);
	}

	/**
	 * {@code forecast ± z(level) * sqrt(variance)} by level; empty when the variance is
	 * unusable.
	 */
	static Map<String, double[]> gaussian(Levels levels, double forecast, double variance) {
		Map<String, double[]> out = new LinkedHashMap<>();
		if (!(variance >= 0) || Double.isInfinite(variance)) {
			return out;
		}
		double sd = Math.sqrt(variance);
		for (double percent : levels.percents()) {
			double width = Levels.z(percent / 100) * sd;
			out.put(Levels.key(percent), new double[] { forecast - width, forecast + width });
		}
		return out;
	}

	/**
	 * Reads the last {@code lookback} points (at least 2, for the last spacing) and fits
	 * the model to them.
	 */
	private Fit fitWhole(SeriesView series, FittingModel model) {
		int lookback = model.lookback();
		Observations tail = this.series.tail(series, Math.max(lookback, 2));
		double[] x = tail.values();
		long[] t = tail.times();
		return new Fit(new double[0], t[t.length - 1] - t[t.length - 2], null, model.fit(x, x.length), 2 * lookback);
	}

	/**
	 * Half-widths per level (rows, in the order of {@code levels}) and step (columns).
	 */
	static double[][] halfWidths(SymmetricIntervals own, Levels levels, int horizon) {
		double[][] widths = new double[levels.percents().size()][];
		for (int l = 0; l < widths.length; l++) {
			widths[l] = own.halfWidths(levels.percents().get(l) / 100, horizon);
		}
		return widths;
	}

	private static Map<String, double[]> symmetric(Levels levels, double[][] halfWidths, double forecast, int step) {
		Map<String, double[]> out = new LinkedHashMap<>();
		if (halfWidths == null) {
			return out;
		}
		for (int l = 0; l < halfWidths.length; l++) {
			double width = halfWidths[l][step];
			out.put(Levels.key(levels.percents().get(l)), new double[] { forecast - width, forecast + width });
		}
		return out;
	}

	/**
	 * Reads the tail the model needs and keeps what forecasts take from it; a model with
	 * its own intervals needs no residuals, so only its lookback (and the last spacing)
	 * is read.
	 */
	private Fit fit(SeriesView series, ForecastModel model, Levels levels, boolean ownIntervals) {
		int lookback = model.lookback();
		int read = ownIntervals ? Math.max(lookback, 2) : lookback + this.properties.residualWindow();
		Observations tail = this.series.tail(series, read);
		double[] x = tail.values();
		Intervals intervals = ownIntervals ? Intervals.of(x, 0, 0, levels)
				: Intervals.of(model.residuals(x, 0), 0, x.length, levels);
		long[] t = tail.times();
		// a series may be shorter than the lookback: a global model pads it
		// (NeuralForecaster has checked it holds the model's minimum input)
		int kept = Math.min(lookback, x.length);
		return new Fit(Arrays.copyOfRange(x, x.length - kept, x.length), t[t.length - 1] - t[t.length - 2], intervals,
				null, kept);
	}

	@EventListener
	void forget(SeriesDeleted deleted) {
		this.fits.asMap().keySet().removeIf(key -> key.series() == deleted.seriesId());
	}

	/**
	 * Refuses a forecast whose estimated work (the forecast, plus the one-step residuals
	 * behind its intervals) is over {@code forecast.forecast.max-work}.
	 */
	private void checkWork(Method method, ForecastModel model, int horizon) {
		long residuals = (model instanceof FittingModel || model.ownIntervals() != null) ? 0
				: this.properties.residualWindow() * model.cost(1);
		long estimate = model.cost(horizon) + residuals;
		if (estimate > this.properties.maxWork()) {
			throw BadRequestException.invalid("horizon",
					String.format(Locale.ROOT,
							"a %s forecast %d steps ahead is estimated at %.3g units of work, over the limit of %.3g "
									+ "(forecast.forecast.max-work); use a smaller horizon",
							method.code(), horizon, (double) estimate, (double) this.properties.maxWork()));
		}
	}

	static void checkHorizon(int horizon, int max) {
		if (horizon < 1 || horizon > max) {
			throw BadRequestException.invalid("horizon", "must be between 1 and " + max + ", was " + horizon);
		}
	}

	/**
	 * The times of the next {@code horizon} steps: the series' frequency continued from
	 * its last point (month-ends stay month-ends), or for an irregular series
	 * ({@code frequency == null}) the last spacing, in seconds, repeated.
	 */
	static List<LocalDateTime> futureTimes(LocalDateTime end, Frequency frequency, long lastSpacing, int horizon) {
		List<LocalDateTime> times = new ArrayList<>(horizon);
		for (int k = 1; k <= horizon; k++) {
			times.add(frequency != null ? frequency.plus(end, k) : end.plusSeconds(lastSpacing * k));
		}
		return times;
	}

	/** A series state and a bound method: what makes a {@link Fit} reusable. */
	private record FitKey(long series, long length, Instant updatedAt, Method method, Map<String, Object> params,
			Long run, Levels levels) {
	}

	/**
	 * The last {@code lookback} values, the last spacing in seconds and the residual
	 * quantiles; or for a classical method the model fitted to the tail. {@code weight}:
	 * about the values it holds.
	 */
	private record Fit(double[] recent, long lastSpacing, Intervals intervals, FittedModel model, int weight) {
	}

}
