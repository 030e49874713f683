package dev.forecast.forecast.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The equal-weight mean of fitted models' forecasts, the combination that beats ETS,
 * ARIMA and Theta alone on the M3 competition (Makridakis and Hibon 2000; Hyndman's
 * "comb" benchmarks). Its forecast standard deviation is the mean of the members'
 * standard deviations: the combination's variance if the members' errors were perfectly
 * correlated, an upper bound otherwise (their errors are in practice highly correlated).
 */
public final class Combination implements FittedModel {

	private final Map<String, FittedModel> members;

	private final Map<String, String> dropped;

	private final String why;

	/**
	 * @param members the fitted members by method code, at least one
	 * @param dropped the methods that could not be fitted, and why
	 * @param why why these members are combined, as responses show it
	 */
	public Combination(Map<String, FittedModel> members, Map<String, String> dropped, String why) {
		if (members.isEmpty()) {
			throw new IllegalArgumentException("a combination needs at least one member");
		}
		this.members = new LinkedHashMap<>(members);
		this.dropped = new LinkedHashMap<>(dropped);
		this.why = why;
	}

	@Override
	public String name() {
		return this.members.size() == 1 ? this.members.keySet().iterator().next()
				: "mean of " + String.join(", ", this.members.keySet());
	}

	@Override
	public double[] forecast(int horizon) {
		double[] out = new double[horizon];
		for (FittedModel member : this.members.values()) {
			double[] forecast = member.forecast(horizon);
			for (int k = 0; k < horizon; k++) {
				out[k] += forecast[k] / this.members.size();
			}
		}
		return out;
	}

	@Override
	public double[] forecastVariance(int horizon) {
		double[] sd = new double[horizon];
		for (FittedModel member : this.members.values()) {
			double[] variance = member.forecastVariance(horizon);
			for (int k = 0; k < horizon; k++) {
				sd[k] += Math.sqrt(variance[k]) / this.members.size();
			}
		}
		for (int k = 0; k < horizon; k++) {
			sd[k] *= sd[k];
		}
		return sd;
	}

	@Override
	public double[] fitted() {
		double[] out = null;
		for (FittedModel member : this.members.values()) {
			double[] fitted = member.fitted();
			if (out == null) {
				out = new double[fitted.length];
			}
			for (int t = 0; t < out.length; t++) {
				out[t] += fitted[t] / this.members.size();
			}
		}
		return out;
	}

	/** A combination has no likelihood of its own. */
	@Override
	public double aicc() {
		return Double.NaN;
	}

	@Override
	public Map<String, Object> parameters() {
		Map<String, Object> members = new LinkedHashMap<>();
		this.members.forEach((code, member) -> {
			Map<String, Object> described = new LinkedHashMap<>();
			described.put("model", member.name());
			if (Double.isFinite(member.aicc())) {
				described.put("aicc", member.aicc());
			}
			described.putAll(member.parameters());
			members.put(code, described);
		});
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("combined", List.copyOf(this.members.keySet()));
		out.put("rule", "mean");
		out.put("why", this.why);
		out.put("members", members);
		if (!this.dropped.isEmpty()) {
			out.put("dropped", this.dropped);
		}
		return out;
	}

}
