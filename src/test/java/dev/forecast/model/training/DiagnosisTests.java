package dev.forecast.model.training;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DiagnosisTests {

	private static List<EpochStats> curve(double[] train, double[] val) {
		List<EpochStats> curve = new ArrayList<>();
		for (int i = 0; i < train.length; i++) {
			curve.add(new EpochStats(i + 1, train[i], val[i], val[i] * 10, 0.001, 1));
		}
		return curve;
	}

	@Test
	void overfitWhenValidationRisesWhileTrainingFalls() {
		Diagnosis d = Diagnosis.of(curve(new double[] { 1, 0.8, 0.6, 0.5, 0.4, 0.35, 0.3 },
				new double[] { 1, 0.8, 0.7, 0.72, 0.75, 0.8, 0.85 }), 7, 9);
		assertThat(d.verdict()).isEqualTo("overfit");
		assertThat(d.since()).isEqualTo(4);
		assertThat(String.join(" ", d.advice())).contains("epoch 3", "regularization.l2", "dropout", "smaller model",
				"more data");
	}

	@Test
	void notOverfitWhenTrainingLossRisesToo() {
		Diagnosis d = Diagnosis.of(curve(new double[] { 1, 0.8, 0.6, 0.62, 0.65, 0.7, 0.72 },
				new double[] { 1, 0.8, 0.7, 0.72, 0.75, 0.8, 0.85 }), 7, 9);
		assertThat(d.verdict()).isNotEqualTo("overfit");
	}

	@Test
	void underfitWhenTrainingLossStillFallsSteeply() {
		Diagnosis d = Diagnosis
			.of(curve(new double[] { 1, 0.8, 0.6, 0.45, 0.35 }, new double[] { 1, 0.8, 0.6, 0.45, 0.35 }), 3, 9);
		assertThat(d.verdict()).isEqualTo("underfit");
		assertThat(d.since()).isNull();
		assertThat(d.advice().get(0)).contains("Train longer");
	}

	@Test
	void underfitWhenNoBetterThanNaive() {
		double[] flat = { 1, 0.5, 0.45, 0.449, 0.449, 0.449 };
		Diagnosis d = Diagnosis.of(curve(flat, flat), 9.5, 9);
		assertThat(d.verdict()).isEqualTo("underfit");
		assertThat(String.join(" ", d.advice())).contains("bigger model", "9.5", "9");
	}

	@Test
	void goodWhenConvergedAndBetterThanNaive() {
		double[] flat = { 1, 0.5, 0.45, 0.449, 0.449, 0.449 };
		Diagnosis d = Diagnosis.of(curve(flat, flat), 7, 9);
		assertThat(d.verdict()).isEqualTo("good");
		assertThat(d.since()).isNull();
		assertThat(d.advice()).isEmpty();
	}

	@Test
	void erraticTrainingLossAdvisesALowerLearningRate() {
		Diagnosis d = Diagnosis.of(curve(new double[] { 1, 0.5, 0.9, 0.4, 0.8, 0.45, 0.7 },
				new double[] { 1, 0.5, 0.9, 0.4, 0.8, 0.45, 0.7 }), 10, 9);
		assertThat(String.join(" ", d.advice())).contains("Lower the learning rate");
	}

	@Test
	void naiveMaeUsesTheValidationWindowsTargets() {
		double[] series = { 1, 2, 4, 7, 11, 16 };
		// validation 2, horizon 1: targets 11 (last 7) and 16 (last 11)
		assertThat(Diagnosis.naiveMae(series, 3, 1, 2)).isCloseTo((4 + 5) / 2.0, within(1e-12));
		// horizon 2: one window, targets 11 and 16 from the last value 7
		assertThat(Diagnosis.naiveMae(series, 3, 2, 2)).isCloseTo((4 + 9) / 2.0, within(1e-12));
	}

}
