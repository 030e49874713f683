package dev.forecast.forecast;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.forecast.forecast.stats.FittedModel;

/**
 * The fits of the last few minutes, by the very array of values they were fitted on
 * (identity, not content), the origin and the method with its options: an evaluation that
 * scores {@code ets}, {@code arima}, {@code theta} and {@code auto} fits each member once
 * per origin, and {@code auto} takes the members' fits instead of fitting them again. A
 * forecast reads a fresh array, so it never meets another request's entry. Entries are
 * weighed by their array's length (an array shared by entries counts once per entry): at
 * most two million values, 16 MB, are held.
 */
final class RecentFits {

	private static final Cache<Key, FittedModel> FITS = Caffeine.newBuilder()
		.maximumWeight(2_000_000)
		.weigher((Key key, FittedModel fit) -> key.values().length)
		.expireAfterWrite(Duration.ofMinutes(2))
		.build();

	private RecentFits() {
	}

	static FittedModel get(double[] values, int from, int end, Method method, int period, ForecastParams request,
			Supplier<FittedModel> fit) {
		return FITS.get(new Key(values, from, end, method, period, request), key -> fit.get());
	}

	/** {@code values} compares by identity (a record's array component does). */
	private record Key(double[] values, int from, int end, Method method, int period, ForecastParams request) {
	}

}
