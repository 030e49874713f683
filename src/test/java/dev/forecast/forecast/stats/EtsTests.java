package dev.forecast.forecast.stats;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class EtsTests {

	private static final double Z95 = 1.959963984540054;

	@Test
	void fixedFormsMatchRClassByClass() throws IOException {
		double[] train = Arrays.copyOf(EtsAirlineTests.airline(), 132);

		// R forecast 8.20: ets(y, model = ..., damped = FALSE); forecast(fit, h = 12)
		assertMatchesR(Ets.fit(train, 12, "AAA"), 12, "ETS(A,A,A)", 1405.957, 0.9996089,
				new double[] { 409.2577, 424.4781 }, new double[] { 377.0373, 312.7396 });
		assertMatchesR(Ets.fit(train, 12, "MAN"), 12, "ETS(M,A,N)", 1509.555, 0.9998987,
				new double[] { 408.9663, 452.6393 }, new double[] { 323.8755, 132.3897 });
		assertMatchesR(Ets.fit(train, 12, "ANN"), 12, "ETS(A,N,N)", 1559.107, 0.9998998,
				new double[] { 404.9957, 404.9957 }, new double[] { 343.3483, 191.4626 });
	}

	@Test
	void yearlySeriesMatchesR() {
		// M3 N0001, training part: R chooses ETS(M,A,N)
		double[] y = { 940.66, 1084.86, 1244.98, 1445.02, 1683.17, 2038.15, 2342.52, 2602.45, 2927.87, 3103.96, 3360.27,
				3807.63, 4387.88, 4936.99 };

		assertMatchesR(Ets.fit(y, 1, null), 6, "ETS(M,A,N)", 180.2714, 0.9998998, new double[] { 5486.429, 8233.609 },
				new double[] { 4984.162, 2848.873 });
	}

	@Test
	void annIsSimpleExponentialSmoothing() {
		double[] y = new double[60];
		for (int t = 0; t < y.length; t++) {
			y[t] = 100 + 10 * Math.sin(t * 0.7) + 5 * Math.cos(t * 2.3);
		}

		FittedModel model = Ets.fit(y, 1, "ANN");
		double alpha = (double) model.parameters().get("alpha");
		double[] fitted = model.fitted();
		double[] forecast = model.forecast(5);
		double[] variance = model.forecastVariance(5);

		assertThat(model.name()).isEqualTo("ETS(A,N,N)");
		for (int t = 1; t < y.length; t++) {
			assertThat(fitted[t]).isCloseTo(fitted[t - 1] + alpha * (y[t - 1] - fitted[t - 1]), within(1e-9));
		}
		double level = fitted[y.length - 1] + alpha * (y[y.length - 1] - fitted[y.length - 1]);
		assertThat(boxed(forecast)).allSatisfy((f) -> assertThat(f).isCloseTo(level, within(1e-9)));
		for (int h = 1; h <= 5; h++) {
			assertThat(variance[h - 1] / variance[0]).isCloseTo(1 + (h - 1) * alpha * alpha, within(1e-9));
		}
	}

	@Test
	void aanForecastsALinearTrend() {
		double[] y = new double[40];
		for (int t = 0; t < y.length; t++) {
			y[t] = 50 + 3 * t + 2 * Math.sin(t * 1.3);
		}

		FittedModel model = Ets.fit(y, 1, "AAN");
		double[] forecast = model.forecast(10);

		assertThat(model.name()).isEqualTo("ETS(A,A,N)");
		for (int h = 1; h <= 10; h++) {
			assertThat(forecast[h - 1]).isCloseTo(50 + 3 * (y.length - 1 + h), within(3.0));
		}
		assertThat(forecast[9] - forecast[0]).isCloseTo(27, within(1.0));
	}

	@Test
	void nonSeasonalSeriesGetsANonSeasonalFormWithWideningIntervals() {
		double[] y = randomWalk(80, 500, 11);

		FittedModel model = Ets.fit(y, 1, null);
		double[] variance = model.forecastVariance(8);

		assertThat(model.name()).matches("ETS\\([AM],(N|A|Ad),N\\)");
		assertThat(model.aicc()).isFinite();
		assertThat(model.fitted()).hasSize(80);
		for (int h = 1; h < 8; h++) {
			assertThat(variance[h]).isGreaterThan(variance[h - 1]);
		}
	}

	@Test
	void periodOver24FallsBackToNonSeasonalAndSaysSo() {
		double[] y = new double[156];
		for (int t = 0; t < y.length; t++) {
			y[t] = 200 + 20 * Math.sin(2 * Math.PI * t / 52) + (t % 5);
		}

		FittedModel model = Ets.fit(y, 52, null);

		assertThat(model.name()).endsWith(",N)");
		assertThat(model.parameters()).containsKey("seasonNote");
		assertThat(boxed(model.forecast(52))).hasSize(52).allSatisfy((f) -> assertThat(f).isFinite());
	}

	@Test
	void constantSeriesForecastsTheConstant() {
		double[] y = new double[30];
		Arrays.fill(y, 7.0);

		FittedModel model = Ets.fit(y, 12, null);

		assertThat(model.forecast(6)).containsOnly(7.0);
		assertThat(boxed(model.forecastVariance(6))).allSatisfy((v) -> assertThat(v).isCloseTo(0, within(1e-12)));
	}

	@Test
	void shortSeriesAnswer() {
		double[] three = { 3, 5, 4 };

		for (int period : new int[] { 1, 4, 12 }) {
			FittedModel model = Ets.fit(three, period, null);
			assertThat(boxed(model.forecast(4))).allSatisfy((f) -> assertThat(f).isFinite());
			assertThat(boxed(model.forecastVariance(4))).allSatisfy((v) -> assertThat(v).isFinite().isNotNegative());
		}
		// too short for maximum likelihood: R answers with Holt-Winters, 16.245 9.618
		// 14.021 12.891
		FittedModel seasonal = Ets.fit(new double[] { 10, 14, 8, 12, 11, 15, 9, 13, 12 }, 4, "MAM");
		double[] mean = seasonal.forecast(4);
		assertThat(mean[0]).isCloseTo(16.245, withinPercentage(0.1));
		assertThat(mean[1]).isCloseTo(9.618, withinPercentage(0.1));
		assertThat(mean[3]).isCloseTo(12.891, withinPercentage(0.1));
		assertThat(mean[0] - Z95 * Math.sqrt(seasonal.forecastVariance(4)[0])).isCloseTo(15.0897,
				withinPercentage(0.1));
	}

	@Test
	void impossibleRequestsAreRefusedWithAReason() {
		double[] withZero = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };

		assertThatIllegalArgumentException().isThrownBy(() -> Ets.fit(withZero, 1, "MNN"))
			.withMessageContaining("positive");
		assertThatIllegalArgumentException().isThrownBy(() -> Ets.fit(withZero, 1, "ANA"))
			.withMessageContaining("seasonal period");
		assertThatIllegalArgumentException().isThrownBy(() -> Ets.fit(withZero, 4, "AAM"))
			.withMessageContaining("forbidden");
		assertThatIllegalArgumentException().isThrownBy(() -> Ets.fit(withZero, 1, "QQQ"))
			.withMessageContaining("Unknown ETS form");
		assertThatIllegalArgumentException().isThrownBy(() -> Ets.fit(new double[0], 1, null));
	}

	@Test
	void automaticChoiceSkipsMultiplicativeFormsForNonPositiveData() {
		double[] y = randomWalk(60, 0, 5);

		FittedModel model = Ets.fit(y, 4, null);

		assertThat(model.name()).startsWith("ETS(A,").doesNotContain("M");
	}

	private static void assertMatchesR(FittedModel model, int h, String name, double aicc, double alpha,
			double[] firstAndLastMean, double[] firstAndLastLower95) {
		double[] mean = model.forecast(h);
		double[] variance = model.forecastVariance(h);
		assertThat(model.name()).isEqualTo(name);
		assertThat(model.aicc()).isCloseTo(aicc, withinPercentage(0.1));
		assertThat((double) model.parameters().get("alpha")).isCloseTo(alpha, withinPercentage(0.1));
		assertThat(mean[0]).isCloseTo(firstAndLastMean[0], withinPercentage(0.1));
		assertThat(mean[h - 1]).isCloseTo(firstAndLastMean[1], withinPercentage(0.1));
		assertThat(mean[0] - Z95 * Math.sqrt(variance[0])).isCloseTo(firstAndLastLower95[0], withinPercentage(0.1));
		assertThat(mean[h - 1] - Z95 * Math.sqrt(variance[h - 1])).isCloseTo(firstAndLastLower95[1],
				withinPercentage(0.1));
	}

	private static List<Double> boxed(double[] values) {
		return Arrays.stream(values).boxed().toList();
	}

	private static double[] randomWalk(int n, double start, long seed) {
		java.util.Random random = new java.util.Random(seed);
		double[] y = new double[n];
		double level = start;
		for (int t = 0; t < n; t++) {
			level += random.nextGaussian();
			y[t] = level;
		}
		return y;
	}

}
