package dev.forecast.ops;

import dev.forecast.forecast.TrainedModels;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.stereotype.Component;

/**
 * The cache of restored models through Micrometer's Caffeine binder: {@code cache.size},
 * {@code cache.gets} (hit, miss), {@code cache.evictions}, {@code cache.eviction.weight}
 * and {@code cache.puts}, tagged {@code cache=models}. The neural passes are timed where
 * they run ({@code forecast.neural.passes}).
 */
@Component
class ServingMetrics implements MeterBinder {

	static final String CACHE = "models";

	private final TrainedModels models;

	ServingMetrics(TrainedModels models) {
		this.models = models;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		new CaffeineCacheMetrics<>(this.models.cache(), CACHE, Tags.empty()).bindTo(registry);
	}

}
