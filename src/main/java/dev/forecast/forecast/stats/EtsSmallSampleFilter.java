package dev.forecast.forecast.stats;

/**
 * The Holt-Winters recursions behind {@link EtsSmallSample} (R's {@code zzhw}), undamped,
 * with states laid out as in {@link EtsRecursion}.
 */
final class EtsSmallSampleFilter {

	private EtsSmallSampleFilter() {
	}

	/**
	 * @param smoothing {@code [alpha, beta?, gamma?]} (Holt-Winters' own beta, not ETS's)
	 * @param x0 the starting states
	 * @param fitted where to put the one-step forecasts, or {@code null}
	 * @param last where to put the final states, or {@code null}
	 * @return the sum of squared one-step errors
	 */
	static double sse(double[] y, EtsType type, int m, double[] smoothing, double[] x0, double[] fitted,
			double[] last) {
		boolean hasTrend = type.hasTrend();
		boolean exponential = type.trend() == 'M';
		char season = type.season();
		double alpha = smoothing[0];
		double beta = hasTrend ? smoothing[1] : 0;
		double gamma = (season != 'N') ? smoothing[smoothing.length - 1] : 0;
		int offset = hasTrend ? 2 : 1;
		double level = x0[0];
		double trend = hasTrend ? x0[1] : (exponential ? 1 : 0);
		double[] seasons = new double[m];
		if (season != 'N') {
			System.arraycopy(x0, offset, seasons, 0, m);
		}
		int oldest = m - 1;
		double sse = 0;
		for (int i = 0; i < y.length; i++) {
			double base = exponential ? level * trend : level + trend;
			double s = (season == 'N') ? 1 : seasons[oldest];
			double fit;
			double levelAdjust;
			double seasonAdjust;
			if (season == 'A') {
				fit = base + s;
				levelAdjust = y[i] - fit;
				seasonAdjust = levelAdjust;
			}
			else {
				fit = base * s;
				levelAdjust = y[i] / s - base;
				seasonAdjust = y[i] / base - s;
			}
			if (fitted != null) {
				fitted[i] = fit;
			}
			sse += (y[i] - fit) * (y[i] - fit);
			double newLevel = base + alpha * levelAdjust;
			if (hasTrend) {
				trend = exponential ? beta * (newLevel / level) + (1 - beta) * trend
						: beta * (newLevel - level) + (1 - beta) * trend;
			}
			level = newLevel;
			if (season != 'N') {
				seasons[oldest] = s + gamma * seasonAdjust;
				oldest = (oldest == 0) ? m - 1 : oldest - 1;
			}
		}
		if (last != null) {
			last[0] = level;
			if (hasTrend) {
				last[1] = trend;
			}
			if (season != 'N') {
				for (int k = 0; k < m; k++) {
					last[offset + k] = seasons[(oldest + 1 + k) % m];
				}
			}
		}
		return sse;
	}

}
