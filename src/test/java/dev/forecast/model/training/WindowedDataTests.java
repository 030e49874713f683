package dev.forecast.model.training;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class WindowedDataTests {

	private static double[] ramp(int n) {
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			values[i] = i;
		}
		return values;
	}

	@Test
	void courseSplitOnSunspotSizes() {
		WindowedData data = WindowedData.of(ramp(3235), 60, 1, 235, "none", true);
		assertThat(data.trainCount()).isEqualTo(2940);
		assertThat(data.validationCount()).isEqualTo(235);
		DataSet validation = data.validation();
		assertThat(validation.getFeatures().shape()).containsExactly(235, 1, 60);
		// the first validation window reaches back into the training part and predicts
		// point 3000
		assertThat(validation.getFeatures().getDouble(0, 0, 0)).isEqualTo(2940);
		assertThat(validation.getFeatures().getDouble(0, 0, 59)).isEqualTo(2999);
		assertThat(validation.getLabels().getDouble(0, 0)).isEqualTo(3000);
		assertThat(validation.getLabels().getDouble(234, 0)).isEqualTo(3234);
	}

	@Test
	void multiStepTargetsAndFeedForwardLayout() {
		WindowedData data = WindowedData.of(ramp(100), 10, 3, 20, "none", false);
		assertThat(data.trainCount()).isEqualTo(100 - 20 - 10 - 3 + 1);
		assertThat(data.validationCount()).isEqualTo(18);
		DataSet validation = data.validation();
		assertThat(validation.getFeatures().shape()).containsExactly(18, 10);
		assertThat(validation.getLabels().getRow(17).toDoubleVector()).containsExactly(97, 98, 99);
	}

	@Test
	void scalerIsFittedOnTheTrainingPartOnly() {
		double[] values = ramp(100);
		values[99] = 1_000_000;
		WindowedData data = WindowedData.of(values, 5, 1, 10, "minmax", true);
		assertThat(data.scaler().offset()).isZero();
		assertThat(data.scaler().scale()).isEqualTo(89);
		WindowedData z = WindowedData.of(values, 5, 1, 10, "zscore", true);
		assertThat(z.scaler().offset()).isCloseTo(44.5, within(1e-9));
	}

	@Test
	void batchesCoverEveryWindowOnceAndShuffleReproducibly() {
		WindowedData data = WindowedData.of(ramp(200), 8, 1, 20, "none", true);
		DataSetIterator first = data.trainIterator(32, true, 1);
		DataSetIterator second = data.trainIterator(32, true, 1);
		java.util.Set<Double> starts = new java.util.HashSet<>();
		int batches = 0;
		while (first.hasNext()) {
			DataSet a = first.next();
			DataSet b = second.next();
			assertThat(a.getFeatures()).isEqualTo(b.getFeatures());
			for (int i = 0; i < a.numExamples(); i++) {
				starts.add(a.getFeatures().getDouble(i, 0, 0));
				assertThat(a.getLabels().getDouble(i, 0)).isEqualTo(a.getFeatures().getDouble(i, 0, 7) + 1);
			}
			batches++;
		}
		assertThat(starts).hasSize(data.trainCount());
		assertThat(batches).isEqualTo((data.trainCount() + 31) / 32);
	}

	@Test
	void rejectsWindowsThatDoNotFit() {
		assertThatIllegalArgumentException().isThrownBy(() -> WindowedData.of(ramp(50), 40, 1, 10, "none", true));
	}

}
