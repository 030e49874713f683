package dev.forecast.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The seasonal adjustment a global model applies (Theta's classical multiplicative
 * decomposition): it removes a multiplicative season, continues the cycle past the points
 * it was computed on, and leaves alone what Theta would not adjust.
 */
class SeasonalityTests {

	/** A trend times a season of 12 with an amplitude of 30%. */
	static double[] seasonal(int length) {
		double[] y = new double[length];
		for (int t = 0; t < length; t++) {
			y[t] = (100 + t) * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12));
		}
		return y;
	}

	@Test
	void removesAMultiplicativeSeasonAndContinuesItsCycle() {
		double[] y = seasonal(96);
		// indices from the first 84 points only; the last 12 are adjusted by the cycle
		double[] adjusted = Seasonality.adjust(y, 84, 12).values();
		for (int t = 12; t < 96; t++) {
			assertThat(adjusted[t] / (100 + t)).as("point %d", t).isCloseTo(1, within(0.03));
		}
		Seasonality.Adjusted whole = Seasonality.adjust(y, 96, 12);
		double[] indices = whole.indices();
		assertThat(indices).containsExactly(Seasonality.adjustment(y, 12));
		assertThat(whole.index(96 + 3)).isEqualTo(indices[3]);
		assertThat(whole.index(-9)).isEqualTo(indices[3]);
		assertThat(indices[3]).isCloseTo(1.3, within(0.03));
	}

	@Test
	void leavesAloneWhatThetaWouldNotAdjust() {
		double[] y = seasonal(96);
		assertThat(Seasonality.adjust(y, 96, 1).values()).isSameAs(y);
		assertThat(Seasonality.adjust(y, 24, 12).values()).as("two cycles only").isSameAs(y);
		double[] negative = y.clone();
		negative[40] = -1;
		assertThat(Seasonality.adjust(negative, 96, 12).values()).isSameAs(negative);
		double[] flat = new double[96];
		java.util.Arrays.fill(flat, 5);
		assertThat(Seasonality.adjust(flat, 96, 12).values()).as("no season").isSameAs(flat);
	}

}
