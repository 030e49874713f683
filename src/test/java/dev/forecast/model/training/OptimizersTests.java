package dev.forecast.model.training;

import java.util.ArrayList;
import java.util.List;

import dev.forecast.model.TrainSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OptimizersTests {

	private static final double[][] GRADIENTS = { { 0.5, -1.0, 2.0 }, { 0.25, 0.5, -1.5 }, { -0.75, 0.1, 1.0 } };

	/**
	 * The parameter changes (w_new − w) of three steps with {@code updater} on
	 * {@link #GRADIENTS}.
	 */
	private static List<double[]> steps(IUpdater updater) {
		long size = updater.stateSize(3);
		INDArray state = size == 0 ? null : Nd4j.zeros(DataType.DOUBLE, 1, size);
		GradientUpdater<?> instance = updater.instantiate(state, true);
		List<double[]> changes = new ArrayList<>();
		for (int i = 0; i < GRADIENTS.length; i++) {
			INDArray g = Nd4j.createFromArray(GRADIENTS[i]).reshape(1, 3);
			instance.applyUpdater(g, i, 0);
			changes.add(g.neg().toDoubleVector()); // DL4J subtracts the update from the
													// parameters
		}
		return changes;
	}

	@Test
	void classicalMomentumFollowsTheCourseRule() {
		double rate = 0.1;
		double momentum = 0.9;
		List<double[]> changes = steps(Optimizers.create(new TrainSpec.Optimizer("momentum", rate, momentum), null));
		double[] velocity = new double[3];
		for (int i = 0; i < GRADIENTS.length; i++) {
			for (int k = 0; k < 3; k++) {
				velocity[k] = momentum * velocity[k] - rate * GRADIENTS[i][k]; // velocity
																				// =
																				// β·velocity
																				// − η·g
				assertThat(changes.get(i)[k]).isCloseTo(velocity[k], within(1e-12)); // w
																						// =
																						// w
																						// +
																						// velocity
			}
		}
		// and it is not Nesterov's rule
		List<double[]> nesterov = steps(Optimizers.create(new TrainSpec.Optimizer("nesterov", rate, momentum), null));
		assertThat(nesterov.get(1)[0]).isNotCloseTo(changes.get(1)[0], within(1e-6));
	}

	@Test
	void everyOptimizerUpdatesDifferently() {
		List<List<double[]>> all = new ArrayList<>();
		for (String type : Optimizers.names()) {
			all.add(steps(Optimizers.create(TrainSpec.Optimizer.defaults(type, 0.1), null)));
		}
		assertThat(Optimizers.names()).containsExactly("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam",
				"adamax", "nadam");
		for (int a = 0; a < all.size(); a++) {
			for (int b = a + 1; b < all.size(); b++) {
				assertThat(all.get(a).get(2)).as("%s vs %s", a, b).isNotEqualTo(all.get(b).get(2));
			}
		}
	}

	@Test
	void eachParameterChangesTheUpdatesOfTheOptimizersThatUseIt() {
		String[][] uses = { { "momentum", "momentum" }, { "nesterov", "momentum" }, { "rmsprop", "rho" },
				{ "rmsprop", "epsilon" }, { "adagrad", "epsilon" }, { "adam", "beta1" }, { "adam", "beta2" },
				{ "adam", "epsilon" }, { "adamax", "beta1" }, { "adamax", "beta2" }, { "nadam", "beta1" },
				{ "nadam", "beta2" }, { "sgd", "learningRate" }, { "adam", "learningRate" } };
		for (String[] use : uses) {
			TrainSpec.Optimizer base = TrainSpec.Optimizer.defaults(use[0], 0.1);
			TrainSpec.Optimizer changed = switch (use[1]) {
				case "momentum" ->
					new TrainSpec.Optimizer(use[0], 0.1, 0.5, base.rho(), base.beta1(), base.beta2(), base.epsilon());
				case "rho" -> new TrainSpec.Optimizer(use[0], 0.1, base.momentum(), 0.5, base.beta1(), base.beta2(),
						base.epsilon());
				case "beta1" -> new TrainSpec.Optimizer(use[0], 0.1, base.momentum(), base.rho(), 0.5, base.beta2(),
						base.epsilon());
				case "beta2" -> new TrainSpec.Optimizer(use[0], 0.1, base.momentum(), base.rho(), base.beta1(), 0.9,
						base.epsilon());
				case "epsilon" ->
					new TrainSpec.Optimizer(use[0], 0.1, base.momentum(), base.rho(), base.beta1(), base.beta2(), 1.0);
				default -> TrainSpec.Optimizer.defaults(use[0], 0.01);
			};
			assertThat(steps(Optimizers.create(changed, null)).get(2)).as("%s.%s", use[0], use[1])
				.isNotEqualTo(steps(Optimizers.create(base, null)).get(2));
		}
	}

}
