package dev.forecast.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.forecast.model.TrainSpec;
import dev.forecast.training.TrainRequest;

/**
 * The {@link TrainRequest} of one trial: the base with the sampled params put in place. A
 * sampled {@code layers} count turns the base model into an explicit stack of that many
 * hidden layers of the base model's kind: {@code dense}, {@code rnn}, {@code lstm},
 * {@code gru} or {@code conv1d} layers, and for {@code conv_lstm} one causal Conv1D
 * (kernel 5) before that many LSTMs.
 */
final class TrialRequests {

	private TrialRequests() {
	}

	static TrainRequest build(long series, TrainRequest base, Map<String, Object> params) {
		TrainRequest b = (base != null) ? base : new TrainRequest(null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null);
		Integer units = (Integer) params.getOrDefault("units", b.units());
		Integer window = (Integer) params.getOrDefault("window", b.window());
		Integer batchSize = (Integer) params.getOrDefault("batchSize", b.batchSize());
		TrainRequest.Optimizer optimizer = b.optimizer();
		if (params.containsKey("learningRate")) {
			TrainRequest.Optimizer o = (optimizer != null) ? optimizer
					: new TrainRequest.Optimizer(null, null, null, null, null, null, null);
			optimizer = new TrainRequest.Optimizer(o.type(), (Double) params.get("learningRate"), o.momentum(), o.rho(),
					o.beta1(), o.beta2(), o.epsilon());
		}
		TrainRequest.Regularization regularization = b.regularization();
		if (params.containsKey("dropout")) {
			TrainRequest.Regularization r = (regularization != null) ? regularization
					: new TrainRequest.Regularization(null, null, null, null, null, null, null);
			regularization = new TrainRequest.Regularization(r.l1(), r.l2(), (Double) params.get("dropout"),
					r.batchNorm(), r.maxNorm(), r.clipValue(), r.clipNorm());
		}
		List<TrainRequest.Layer> layers = b.layers();
		if (params.containsKey("layers")) {
			int width = (units != null) ? units : TrainSpec.DEFAULTS.units();
			layers = stack(b.model(), (Integer) params.get("layers"), width);
		}
		else if (layers != null && params.containsKey("units")) {
			List<TrainRequest.Layer> resized = new ArrayList<>();
			for (TrainRequest.Layer l : layers) {
				resized.add(new TrainRequest.Layer(l.type(), units, null, l.kernel(), l.stride(), l.dilation(),
						l.activation(), l.returnSequences()));
			}
			layers = resized;
		}
		return new TrainRequest(series, b.model(), units, window, b.horizon(), b.validation(), b.epochs(), batchSize,
				b.shuffle(), b.seed(), b.prefetch(), b.normalization(), b.loss(), optimizer, b.schedule(),
				regularization, b.init(), b.earlyStopping(), layers, b.differencing(), b.season());
	}

	private static List<TrainRequest.Layer> stack(String model, int count, int units) {
		String kind = (model == null) ? TrainSpec.DEFAULTS.model() : model.trim().toLowerCase(Locale.ROOT);
		List<TrainRequest.Layer> layers = new ArrayList<>();
		if ("conv_lstm".equals(kind)) {
			layers.add(new TrainRequest.Layer("conv1d", units, null, 5, 1, 1, "relu", null));
			kind = "lstm";
		}
		for (int i = 0; i < count; i++) {
			layers.add(new TrainRequest.Layer(kind, units, null, null, null, null, null, null));
		}
		return layers;
	}

}
