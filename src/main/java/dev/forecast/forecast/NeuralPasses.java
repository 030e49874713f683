package dev.forecast.forecast;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The timers of the network's passes through the model's server (waiting for a free
 * inference thread included): one forecast, or every origin of a backtest in one batch.
 */
final class NeuralPasses {

	final Timer forecast;

	final Timer backtest;

	NeuralPasses(MeterRegistry registry) {
		this.forecast = timer(registry, "forecast");
		this.backtest = timer(registry, "backtest");
	}

	private static Timer timer(MeterRegistry registry, String kind) {
		return Timer.builder("forecast.neural.passes")
			.description("Neural network passes of a forecast or of a backtest's batch of origins")
			.tag("kind", kind)
			.register(registry);
	}

}
