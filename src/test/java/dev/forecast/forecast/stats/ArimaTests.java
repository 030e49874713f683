package dev.forecast.forecast.stats;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ArimaTests {

	@Test
	void airlineModelMatchesRsCoefficients() {
		// R forecast 8.20: Arima(train, order = c(0,1,1), seasonal = c(0,1,1)) on
		// 1949-01..1959-12:
		// ma1 -0.2167, sma1 -0.0843, sigma^2 110.5, log likelihood -447.86, AICc 901.93,
		// forecasts 422.9845 404.7081 467.0908
		double[] train = Arrays.copyOf(SeriesFixtures.airline(), 132);

		FittedModel model = Arima.fit(train, new ArimaOrder(0, 1, 1, 0, 1, 1, 12), false);

		assertThat(model.name()).isEqualTo("ARIMA(0,1,1)(0,1,1)[12]");
		assertThat((double) model.parameters().get("ma1")).isCloseTo(-0.2167, within(5e-4));
		assertThat((double) model.parameters().get("sma1")).isCloseTo(-0.0843, within(5e-4));
		assertThat((double) model.parameters().get("sigma2")).isCloseTo(110.5, within(0.05));
		assertThat(((ArimaModel) model).minusTwoLogLik).isCloseTo(2 * 447.8605, within(0.01));
		assertThat(model.aicc()).isCloseTo(901.9297, within(0.01));
		assertThat(model.forecast(3)).containsExactly(new double[] { 422.9845, 404.7081, 467.0908 }, within(1e-3));
	}

	@Test
	void logAirlineModelMatchesRsTextbookFit() {
		// R: arima(log(AirPassengers), order = c(0,1,1), seasonal = c(0,1,1)):
		// ma1 -0.4018, sma1 -0.5569, log likelihood 244.7, aic -483.4
		double[] logs = Arrays.stream(SeriesFixtures.airline()).map(Math::log).toArray();

		FittedModel model = Arima.fit(logs, new ArimaOrder(0, 1, 1, 0, 1, 1, 12), false);

		assertThat((double) model.parameters().get("ma1")).isCloseTo(-0.4018, within(5e-4));
		assertThat((double) model.parameters().get("sma1")).isCloseTo(-0.5569, within(5e-4));
		assertThat(((ArimaModel) model).aic()).isCloseTo(-483.4, within(0.1));
	}

	@Test
	void stationaryAutoregressionIsRecovered() {
		double[] y = SeriesFixtures.ar1(400, 0.7, 10, 3);

		FittedModel model = Arima.fit(y, ArimaOrder.of(1, 0, 0), false);

		double phi = (double) model.parameters().get("ar1");
		assertThat(model.name()).isEqualTo("ARIMA(1,0,0) with non-zero mean");
		assertThat(phi).isCloseTo(0.7, within(0.08));
		assertThat((double) model.parameters().get("intercept")).isCloseTo(10, within(0.5));
		double sigma2 = (double) model.parameters().get("sigma2");
		assertThat(sigma2).isCloseTo(1, within(0.15));
		double[] variance = model.forecastVariance(3);
		assertThat(variance[0]).isCloseTo(sigma2, within(1e-12));
		assertThat(variance[1]).isCloseTo(sigma2 * (1 + phi * phi), within(1e-12));
		// forecasts decay geometrically towards the mean
		double mean = (double) model.parameters().get("intercept");
		assertThat(model.fitted()[1]).isCloseTo(mean + phi * (y[0] - mean), within(1e-9));
		double[] forecast = model.forecast(40);
		assertThat(forecast[1] - mean).isCloseTo(phi * (forecast[0] - mean), within(1e-9));
		assertThat(forecast[39]).isCloseTo(mean, within(0.01));
	}

	@Test
	void driftIsTheMeanStepOfARandomWalk() {
		double[] y = SeriesFixtures.randomWalk(300, 0.5, 11);

		FittedModel model = Arima.fit(y, ArimaOrder.of(0, 1, 0), true);

		double meanStep = (y[y.length - 1] - y[0]) / (y.length - 1);
		assertThat(model.name()).isEqualTo("ARIMA(0,1,0) with drift");
		assertThat((double) model.parameters().get("drift")).isCloseTo(meanStep, within(1e-9));
		double[] forecast = model.forecast(5);
		assertThat(forecast[0]).isCloseTo(y[y.length - 1] + meanStep, within(1e-9));
		assertThat(forecast[4] - forecast[3]).isCloseTo(meanStep, within(1e-9));
		double[] variance = model.forecastVariance(4);
		assertThat(variance[3]).isCloseTo(4 * variance[0], within(1e-9));
	}

	@Test
	void fittedValuesAreOneStepPredictions() {
		double[] y = SeriesFixtures.randomWalk(50, 0, 5);

		FittedModel model = Arima.fit(y, ArimaOrder.of(0, 1, 0), false);

		double[] fitted = model.fitted();
		assertThat(fitted).hasSize(50);
		assertThat(fitted[0]).isNaN();
		for (int t = 1; t < y.length; t++) {
			assertThat(fitted[t]).isCloseTo(y[t - 1], within(1e-9));
		}
	}

	@Test
	void tooShortASeriesForTheOrdersIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Arima.fit(new double[] { 1, 2, 3 }, new ArimaOrder(2, 1, 2, 0, 0, 0, 1), false));
	}

	@Test
	void exactLikelihoodOfAnAutoregressionHasItsClosedForm() {
		double[] y = SeriesFixtures.ar1(60, 0.5, 0, 9);
		double phi = 0.6;
		ArmaKalman kalman = new ArmaKalman(y, 0);

		assertThat(kalman.run(new double[] { phi }, new double[0], false)).isTrue();

		double ssq = (1 - phi * phi) * y[0] * y[0];
		for (int t = 1; t < y.length; t++) {
			ssq += (y[t] - phi * y[t - 1]) * (y[t] - phi * y[t - 1]);
		}
		assertThat(kalman.ssq).isCloseTo(ssq, within(1e-9));
		assertThat(kalman.sumLog).isCloseTo(-Math.log(1 - phi * phi), within(1e-12));
	}

	@Test
	void stationarityTransformRoundTrips() {
		double[] coef = { 0.5, -0.3, 0.2 };
		double[] raw = new double[3];
		double[] back = new double[3];

		ArmaPolynomials.fromStationary(coef, 0, 3, raw);
		ArmaPolynomials.toStationary(raw, 0, 3, back);

		assertThat(back).containsExactly(coef, within(1e-12));
	}

	@Test
	void nonInvertibleMovingAverageIsReflected() {
		double[] ma = { 2.0 };
		ArmaPolynomials.invertMa(ma, 0, 1);
		assertThat(ma[0]).isCloseTo(0.5, within(1e-12));

		// (1 + 2.5 B)(1 + 0.2 B) = 1 + 2.7 B + 0.5 B^2 becomes (1 + 0.4 B)(1 + 0.2 B)
		double[] ma2 = { 2.7, 0.5 };
		ArmaPolynomials.invertMa(ma2, 0, 2);
		assertThat(ma2).containsExactly(new double[] { 0.6, 0.08 }, within(1e-9));
	}

}
