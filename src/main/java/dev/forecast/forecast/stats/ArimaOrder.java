package dev.forecast.forecast.stats;

/**
 * The orders of a seasonal ARIMA(p,d,q)(P,D,Q)[period] model. A period of 1 (or seasonal
 * orders all zero) is a non-seasonal model.
 *
 * @param p autoregressive order
 * @param d order of first differencing
 * @param q moving-average order
 * @param seasonalP seasonal autoregressive order
 * @param seasonalD order of seasonal differencing
 * @param seasonalQ seasonal moving-average order
 * @param period the season's length in observations (1 when non-seasonal)
 */
public record ArimaOrder(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int period) {

	public ArimaOrder {
		if (p < 0 || d < 0 || q < 0 || seasonalP < 0 || seasonalD < 0 || seasonalQ < 0 || period < 1) {
			throw new IllegalArgumentException("ARIMA orders must be non-negative and the period positive");
		}
		if (period == 1 && (seasonalP > 0 || seasonalD > 0 || seasonalQ > 0)) {
			throw new IllegalArgumentException("seasonal orders need a period over 1");
		}
	}

	/** A non-seasonal ARIMA(p,d,q). */
	public static ArimaOrder of(int p, int d, int q) {
		return new ArimaOrder(p, d, q, 0, 0, 0, 1);
	}

	/** Whether the model has any seasonal part. */
	public boolean seasonal() {
		return this.seasonalP + this.seasonalD + this.seasonalQ > 0;
	}

	/** The number of ARMA coefficients: {@code p + q + P + Q}. */
	int armaCount() {
		return this.p + this.q + this.seasonalP + this.seasonalQ;
	}

	/** How many observations differencing consumes: {@code d + D * period}. */
	int differencingLoss() {
		return this.d + this.seasonalD * this.period;
	}

	/** The model as R names it, for example {@code ARIMA(1,1,0)(0,1,0)[12]}. */
	String label() {
		String label = "ARIMA(" + this.p + "," + this.d + "," + this.q + ")";
		if (seasonal()) {
			label += "(" + this.seasonalP + "," + this.seasonalD + "," + this.seasonalQ + ")[" + this.period + "]";
		}
		return label;
	}

}
