package dev.forecast.forecast;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.forecast.error.BadRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class IntervalsTests {

	@Test
	void quantilesInterpolateBetweenOrderStatistics() {
		double[] sorted = { 1, 2, 3, 4, 5 };

		assertThat(Intervals.quantile(sorted, 0)).isEqualTo(1);
		assertThat(Intervals.quantile(sorted, 0.5)).isEqualTo(3);
		assertThat(Intervals.quantile(sorted, 0.1)).isCloseTo(1.4, within(1e-12));
		assertThat(Intervals.quantile(sorted, 1)).isEqualTo(5);
	}

	@Test
	void intervalsWidenWithTheHorizon() {
		double[] residuals = new Random(7).doubles(500).map(u -> u - 0.5).toArray();
		Intervals intervals = Intervals.of(residuals, 0, residuals.length, Levels.DEFAULT);
		ForecastModel naive = new NaiveForecaster.Model();

		double previous = 0;
		for (int step = 1; step <= 12; step++) {
			Map<String, double[]> around = intervals.around(10, naive.spread(step));
			double width80 = around.get("80")[1] - around.get("80")[0];
			double width95 = around.get("95")[1] - around.get("95")[0];
			assertThat(width80).isGreaterThan(previous);
			assertThat(width95).isGreaterThan(width80);
			assertThat(around.get("80")[0]).isLessThan(10);
			assertThat(around.get("80")[1]).isGreaterThan(10);
			previous = width80;
		}
	}

	@Test
	void intervalsContainTheirForecastWhenAllResidualsHaveOneSign() {
		// naive on 1, 2, 3: both residuals are +1
		Intervals intervals = Intervals.of(new double[] { Double.NaN, 1.0, 1.0 }, 0, 3, Levels.DEFAULT);
		for (double[] bounds : intervals.around(3.0, 1.0).values()) {
			assertThat(bounds[0]).isLessThanOrEqualTo(3.0);
			assertThat(bounds[1]).isGreaterThanOrEqualTo(3.0);
			assertThat(bounds[1]).isEqualTo(4.0);
		}
	}

	@Test
	void tooFewResidualsGiveNoIntervals() {
		Intervals intervals = Intervals.of(new double[] { Double.NaN, 1.0 }, 0, 2, Levels.DEFAULT);

		assertThat(intervals.around(5, 1)).isEmpty();
	}

	@Test
	void sortedWindowAgreesWithSorting() {
		Random random = new Random(3);
		double[] values = random.doubles(400).map(u -> Math.round(u * 50)).toArray();
		SortedWindow window = new SortedWindow(10);
		int size = 100;
		for (int i = 0; i < values.length; i++) {
			window.add(values[i]);
			if (i >= size) {
				window.remove(values[i - size]);
			}
			double[] sorted = Arrays.copyOfRange(values, Math.max(0, i - size + 1), i + 1);
			Arrays.sort(sorted);
			assertThat(window.size()).isEqualTo(sorted.length);
			for (double p : new double[] { 0.025, 0.1, 0.5, 0.9, 0.975 }) {
				assertThat(window.quantile(p)).isEqualTo(Intervals.quantile(sorted, p));
			}
		}
	}

	@Test
	void levelsParseAsPercents() {
		assertThat(Levels.parse(null).percents()).containsExactly(80.0, 95.0);
		assertThat(Levels.parse("95, 80,97.5,80").percents()).containsExactly(80.0, 95.0, 97.5);
		assertThat(Levels.key(97.5)).isEqualTo("97.5");
		assertThat(Levels.key(80.0)).isEqualTo("80");
		for (String bad : List.of("0", "100", "-5", "eighty", "80,,95")) {
			assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> Levels.parse(bad))
				.satisfies(ex -> assertThat(ex.errors().get(0).field()).isEqualTo("level"));
		}
	}

}
