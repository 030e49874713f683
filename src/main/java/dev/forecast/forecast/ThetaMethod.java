package dev.forecast.forecast;

import dev.forecast.forecast.stats.FittedModel;
import dev.forecast.forecast.stats.Theta;

import org.springframework.stereotype.Component;

/**
 * {@code theta}: the M3 competition's winner as R's {@code thetaf} computes it
 * ({@link Theta}).
 */
@Component
class ThetaMethod implements ClassicalMethod {

	@Override
	public Method method() {
		return Method.THETA;
	}

	@Override
	public FittedModel fit(double[] y, int period, ForecastParams params) {
		return Theta.fit(y, period);
	}

}
