package dev.forecast.forecast.stats;

/**
 * The state space recursion of the exponential smoothing family over primitive arrays:
 * one-step forecasts, errors, state updates and the likelihood criterion that R's
 * {@code forecast::ets} minimises ({@code n log(SSE)}, plus {@code 2 sum log|forecast|}
 * for multiplicative errors).
 * <p>
 * States are laid out as {@code [level, slope?, s_0 .. s_(m-1)]}, {@code s_0} the newest
 * seasonal state and {@code s_(m-1)} the one the next forecast uses. Inside the loop the
 * seasons live in a ring buffer so that a step costs the same for every period.
 */
final class EtsRecursion {

	private static final double TOLERANCE = 1e-10;

	private static final double HUGE = 1e10;

	private EtsRecursion() {
	}

	/**
	 * Runs the recursion over {@code y} from the initial states {@code x0}.
	 * @param seasons a work array of at least {@code m} values (overwritten)
	 * @param fitted where to put the one-step forecasts, or {@code null}
	 * @param errors where to put the errors (relative ones for multiplicative errors), or
	 * {@code null}
	 * @param last where to put the states after the last observation, or {@code null}
	 * @return the likelihood criterion, or {@code NaN} when the recursion breaks down
	 */
	static double run(double[] y, EtsType type, int m, double alpha, double beta, double gamma, double phi, double[] x0,
			double[] seasons, double[] fitted, double[] errors, double[] last) {
		boolean additiveError = type.error() == 'A';
		int trend = code(type.trend());
		int season = code(type.season());
		boolean undamped = Math.abs(phi - 1.0) < TOLERANCE;
		double ratio = (trend == 0) ? 0 : beta / alpha;
		double level = x0[0];
		double slope = (trend > 0) ? x0[1] : 0;
		int offset = (trend > 0) ? 2 : 1;
		if (season > 0) {
			System.arraycopy(x0, offset, seasons, 0, m);
		}
		int oldest = m - 1;
		double sse = 0;
		double logs = 0;
		int n = y.length;
		for (int i = 0; i < n; i++) {
			double phib;
			double q;
			if (trend == 0) {
				phib = 0;
				q = level;
			}
			else if (trend == 1) {
				phib = phi * slope;
				q = level + phib;
			}
			else {
				if (slope < 0) {
					return Double.NaN;
				}
				phib = undamped ? slope : Math.pow(slope, phi);
				q = level * phib;
			}
			double so = (season > 0) ? seasons[oldest] : 0;
			double f = (season == 0) ? q : (season == 1) ? q + so : q * so;
			double yi = y[i];
			double e = additiveError ? yi - f : (yi - f) / f;
			if (fitted != null) {
				fitted[i] = f;
			}
			if (errors != null) {
				errors[i] = e;
			}
			sse += e * e;
			if (!additiveError) {
				logs += Math.log(Math.abs(f));
			}
			double p = (season == 0) ? yi : (season == 1) ? yi - so : (Math.abs(so) < TOLERANCE) ? HUGE : yi / so;
			double newLevel = q + alpha * (p - q);
			if (trend == 1) {
				slope = phib + ratio * (newLevel - level - phib);
			}
			else if (trend == 2) {
				double r = (Math.abs(level) < TOLERANCE) ? HUGE : newLevel / level;
				slope = phib + ratio * (r - phib);
			}
			if (season > 0) {
				double t = (season == 1) ? yi - q : (Math.abs(q) < TOLERANCE) ? HUGE : yi / q;
				seasons[oldest] = so + gamma * (t - so);
				oldest = (oldest == 0) ? m - 1 : oldest - 1;
			}
			level = newLevel;
		}
		if (last != null) {
			last[0] = level;
			if (trend > 0) {
				last[1] = slope;
			}
			if (season > 0) {
				for (int k = 0; k < m; k++) {
					last[offset + k] = seasons[(oldest + 1 + k) % m];
				}
			}
		}
		double lik = n * Math.log(sse);
		return additiveError ? lik : lik + 2 * logs;
	}

	/**
	 * Point forecasts for steps {@code 1..horizon} from the states {@code x} (the model's
	 * conditional mean for the linear classes; {@code NaN} where a multiplicative slope
	 * is negative).
	 */
	static double[] forecast(double[] x, EtsType type, int m, double phi, int horizon) {
		int trend = code(type.trend());
		int season = code(type.season());
		int offset = (trend > 0) ? 2 : 1;
		double level = x[0];
		double slope = (trend > 0) ? x[1] : 0;
		double[] f = new double[horizon];
		double phiSum = 0;
		double phiPower = 1;
		boolean undamped = Math.abs(phi - 1.0) < TOLERANCE;
		for (int i = 0; i < horizon; i++) {
			phiPower *= phi;
			phiSum = undamped ? i + 1 : phiSum + phiPower;
			double value;
			if (trend == 0) {
				value = level;
			}
			else if (trend == 1) {
				value = level + phiSum * slope;
			}
			else {
				value = (slope < 0) ? Double.NaN : level * Math.pow(slope, phiSum);
			}
			if (season > 0) {
				double s = x[offset + Math.floorMod(m - 1 - i, m)];
				value = (season == 1) ? value + s : value * s;
			}
			f[i] = value;
		}
		return f;
	}

	static int code(char component) {
		return switch (component) {
			case 'N' -> 0;
			case 'A' -> 1;
			default -> 2;
		};
	}

}
