package dev.forecast.model.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.forecast.model.LossHuber;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Loss functions by name: {@code huber} (delta 1 on normalized values), {@code mse},
 * {@code mae}.
 */
public final class Losses {

	private static final Map<String, Supplier<ILossFunction>> LOSSES = new LinkedHashMap<>();

	static {
		LOSSES.put("huber", LossHuber::new);
		LOSSES.put("mse", LossMSE::new);
		LOSSES.put("mae", LossMAE::new);
	}

	private Losses() {
	}

	public static Set<String> names() {
		return LOSSES.keySet();
	}

	public static ILossFunction create(String name) {
		Supplier<ILossFunction> loss = LOSSES.get(name);
		if (loss == null) {
			throw new IllegalArgumentException("unknown loss '" + name + "'");
		}
		return loss.get();
	}

}
