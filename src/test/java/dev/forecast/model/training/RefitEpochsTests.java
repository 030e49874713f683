package dev.forecast.model.training;

import java.util.ArrayList;
import java.util.List;

import dev.forecast.model.TrainSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refit networks train for the epoch of the lowest three-epoch mean of the validation
 * curve, not for a lucky single epoch near its start; validation passes wait at least ten
 * epochs.
 */
class RefitEpochsTests {

	@Test
	void aLuckyFirstEpochDoesNotDecide() {
		double[] valMae = { 2.0, 2.3, 2.2, 2.1, 2.05, 2.06, 2.3 };
		List<EpochStats> curve = new ArrayList<>();
		for (int i = 0; i < valMae.length; i++) {
			curve.add(new EpochStats(i + 1, 1, 1, valMae[i], 1e-3, 1));
		}
		assertThat(RefitEpochs.of(curve)).isEqualTo(5);
		assertThat(RefitEpochs.of(curve.subList(0, 1))).isEqualTo(1);
		assertThat(RefitEpochs.of(List.of())).isEqualTo(1);
	}

	@Test
	void validationPassesWaitAtLeastTenEpochs() {
		TrainSpec six = GlobalTrainerTests.spec()
			.toBuilder()
			.earlyStopping(new TrainSpec.EarlyStopping(6, 0, "valMae"))
			.build();
		assertThat(RefitEpochs.validationPass(six).earlyStopping().patience()).isEqualTo(10);
		assertThat(RefitEpochs.validationPass(six).earlyStopping().monitor()).isEqualTo("valMae");
		TrainSpec twelve = six.toBuilder().earlyStopping(new TrainSpec.EarlyStopping(12, 0, "valMae")).build();
		assertThat(RefitEpochs.validationPass(twelve)).isSameAs(twelve);
	}

}
