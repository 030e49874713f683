package dev.forecast.forecast.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fitted exponential smoothing form, as {@link Ets#fit} returns it. */
final class EtsModel implements FittedModel {

	private final EtsFit fit;

	private final Map<String, Object> parameters;

	EtsModel(EtsFit fit, Map<String, String> notes) {
		this.fit = fit;
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("model", fit.type().label());
		values.put("alpha", fit.alpha());
		if (fit.type().hasTrend()) {
			values.put("beta", fit.beta());
		}
		if (fit.type().hasSeason()) {
			values.put("gamma", fit.gamma());
			values.put("period", fit.m());
		}
		if (fit.type().damped()) {
			values.put("phi", fit.phi());
		}
		values.put("sigma2", fit.sigma2());
		values.put("aicc", fit.aicc());
		values.put("estimation", fit.method());
		values.putAll(notes);
		this.parameters = Collections.unmodifiableMap(values);
	}

	EtsFit fit() {
		return this.fit;
	}

	@Override
	public String name() {
		return this.fit.type().label();
	}

	@Override
	public double[] forecast(int horizon) {
		return EtsMoments.of(this.fit, checked(horizon))[0];
	}

	@Override
	public double[] forecastVariance(int horizon) {
		return EtsMoments.of(this.fit, checked(horizon))[1];
	}

	@Override
	public double[] fitted() {
		return this.fit.fitted().clone();
	}

	@Override
	public double aicc() {
		return this.fit.aicc();
	}

	@Override
	public Map<String, Object> parameters() {
		return this.parameters;
	}

	private static int checked(int horizon) {
		if (horizon < 1) {
			throw new IllegalArgumentException("The horizon must be at least 1, not " + horizon);
		}
		return horizon;
	}

}
