package dev.forecast.forecast;

import dev.forecast.forecast.stats.AutoArima;
import dev.forecast.forecast.stats.FittedModel;

import org.springframework.stereotype.Component;

/**
 * {@code arima}: seasonal ARIMA with drift, its orders chosen by the Hyndman-Khandakar
 * stepwise search as R's {@code forecast::auto.arima} does ({@link AutoArima}).
 */
@Component
class ArimaMethod implements ClassicalMethod {

	@Override
	public Method method() {
		return Method.ARIMA;
	}

	@Override
	public FittedModel fit(double[] y, int period, ForecastParams params) {
		return AutoArima.fit(y, period);
	}

}
