package dev.forecast.forecast.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.forecast.model.Seasonality;

/**
 * The Theta method of Assimakopoulos and Nikolopoulos (2000), the M3 competition's
 * winner, in the form Hyndman and Billah (2003) showed it to be and R's
 * {@code forecast::thetaf} computes it:
 * <ol>
 * <li>seasonality test: the autocorrelation at the seasonal lag, significant at 90%
 * ({@link Seasonality#test}); a seasonal series is divided by the indices of a classical
 * multiplicative decomposition (skipped when a value is not positive or an index is near
 * 0);</li>
 * <li>simple exponential smoothing of the (adjusted) series, fitted by least squares
 * ({@link Ses});</li>
 * <li>drift: half the slope {@code b} of the linear trend fitted to the (adjusted)
 * series; the forecast {@code h} steps ahead is
 * {@code level + b/2 * (h - 1 + (1 - (1 - alpha)^n) / alpha)};</li>
 * <li>reseasonalized with the last cycle's indices.</li>
 * </ol>
 * Forecast variances are thetaf's, those of SES on the adjusted series,
 * {@code sigma2 * (1 + (h - 1) * alpha^2)}, reseasonalized as the forecast is (times the
 * seasonal index squared; thetaf leaves them in adjusted units, too narrow in the high
 * season), with the {@code period - 1} seasonal indices counted among sigma2's fitted
 * parameters. Theta has no likelihood of its own, so its AICc is NaN.
 */
public final class Theta {

	private Theta() {
	}

	/**
	 * Fits the Theta method.
	 * @param y the series, oldest first (at least 2 finite values)
	 * @param period the seasonal period (1 for none)
	 */
	public static FittedModel fit(double[] y, int period) {
		if (y.length < 2) {
			throw new IllegalArgumentException("Theta needs at least 2 values, got " + y.length);
		}
		if (period < 1) {
			throw new IllegalArgumentException("period must be 1 or more, was " + period);
		}
		int n = y.length;
		double[] indices = Seasonality.adjustment(y, period);
		double[] adjusted = y.clone();
		if (indices != null) {
			for (int t = 0; t < n; t++) {
				adjusted[t] /= indices[t];
			}
		}
		Ses ses = Ses.fit(adjusted);
		if (indices != null && n - 3 - (period - 1) > 0) {
			// the period - 1 free seasonal indices were fitted to the same data: count
			// them in sigma2's degrees of freedom
			ses = new Ses(ses.alpha(), ses.initialLevel(), ses.level(), ses.fitted(),
					ses.sigma2() * (n - 3) / (n - 3 - (period - 1)));
		}
		double drift = slope(adjusted) / 2;
		double[] cycle = indices == null ? null : Arrays.copyOfRange(indices, n - period, n);
		return new Fitted(n, ses, drift, cycle, indices);
	}

	/** The least-squares slope of {@code y} on {@code 0, 1, ..., n-1}. */
	static double slope(double[] y) {
		int n = y.length;
		double meanT = (n - 1) / 2.0;
		double meanY = Arrays.stream(y).average().orElse(0);
		double sxy = 0;
		double sxx = 0;
		for (int t = 0; t < n; t++) {
			sxy += (t - meanT) * (y[t] - meanY);
			sxx += (t - meanT) * (t - meanT);
		}
		return sxx == 0 ? 0 : sxy / sxx;
	}

	private static final class Fitted implements FittedModel {

		private final int n;

		private final Ses ses;

		private final double drift;

		private final double[] cycle;

		private final double[] indices;

		private final double alpha;

		Fitted(int n, Ses ses, double drift, double[] cycle, double[] indices) {
			this.n = n;
			this.ses = ses;
			this.drift = drift;
			this.cycle = cycle;
			this.indices = indices;
			this.alpha = Math.max(1e-10, ses.alpha());
		}

		@Override
		public String name() {
			return this.cycle == null ? "Theta"
					: "Theta (multiplicative seasonal adjustment, period " + this.cycle.length + ")";
		}

		@Override
		public double[] forecast(int horizon) {
			double start = (1 - Math.pow(1 - this.alpha, this.n)) / this.alpha;
			double[] out = new double[horizon];
			for (int k = 0; k < horizon; k++) {
				out[k] = this.ses.level() + this.drift * (k + start);
				if (this.cycle != null) {
					out[k] *= this.cycle[k % this.cycle.length];
				}
			}
			return out;
		}

		@Override
		public double[] forecastVariance(int horizon) {
			double[] out = new double[horizon];
			for (int k = 0; k < horizon; k++) {
				double index = this.cycle == null ? 1 : this.cycle[k % this.cycle.length];
				out[k] = this.ses.sigma2() * (1 + k * this.alpha * this.alpha) * index * index;
			}
			return out;
		}

		@Override
		public double[] fitted() {
			double[] fitted = this.ses.fitted().clone();
			if (this.indices != null) {
				for (int t = 0; t < fitted.length; t++) {
					fitted[t] *= this.indices[t];
				}
			}
			return fitted;
		}

		@Override
		public double aicc() {
			return Double.NaN;
		}

		@Override
		public Map<String, Object> parameters() {
			Map<String, Object> parameters = new LinkedHashMap<>();
			parameters.put("alpha", this.ses.alpha());
			parameters.put("level", this.ses.level());
			parameters.put("drift", this.drift);
			parameters.put("seasonal", this.cycle != null);
			parameters.put("sigma2", this.ses.sigma2());
			return parameters;
		}

	}

}
