package dev.forecast.training;

import java.util.ArrayList;
import java.util.List;

import dev.forecast.error.FieldProblem;
import dev.forecast.model.training.Networks;
import dev.forecast.model.TrainSpec;

import static dev.forecast.training.SpecChecks.lower;
import static dev.forecast.training.SpecChecks.oneOf;
import static dev.forecast.training.SpecChecks.or;
import static dev.forecast.training.SpecChecks.range;

/**
 * Resolves a request's explicit {@code layers}: fills each layer's defaults (width from
 * {@code units}, conv1d kernel 5, stride and dilation 1, {@code tanh} or {@code relu})
 * and {@code returnSequences} from the layer that follows, and checks the stack (sequence
 * layers before dense ones).
 */
final class LayerResolver {

	private final TrainingProperties limits;

	LayerResolver(TrainingProperties limits) {
		this.limits = limits;
	}

	/** At most this many explicit layers. */
	static final int MAX_LAYERS = 20;

	List<TrainSpec.Layer> resolve(List<TrainRequest.Layer> request, int units, List<FieldProblem> errors) {
		if (request.isEmpty()) {
			errors.add(new FieldProblem("layers", "give at least one layer, or leave layers out to use model"));
			return null;
		}
		if (request.size() > MAX_LAYERS) {
			errors.add(new FieldProblem("layers", "at most " + MAX_LAYERS + " layers (got " + request.size() + ")"));
			return null;
		}
		List<TrainSpec.Layer> layers = new ArrayList<>();
		boolean denseSeen = false;
		for (int i = 0; i < request.size(); i++) {
			String at = "layers[" + i + "].";
			TrainRequest.Layer layer = request.get(i);
			if (layer == null) {
				errors.add(new FieldProblem("layers[" + i + "]", "must be a layer object"));
				continue;
			}
			String type = lower(layer.type());
			if (type == null || !Networks.LAYER_TYPES.contains(type)) {
				errors.add(new FieldProblem(at + "type",
						"unknown layer type '" + type + "'; one of dense, rnn, lstm, gru, conv1d"));
				continue;
			}
			boolean sequence = !"dense".equals(type);
			if (sequence && denseSeen) {
				errors
					.add(new FieldProblem(at + "type", "sequence layers (" + type + ") must come before dense layers"));
			}
			denseSeen |= !sequence;
			if (layer.units() != null && layer.filters() != null && !layer.units().equals(layer.filters())) {
				errors.add(new FieldProblem(at + "filters", "give units or filters, not both"));
			}
			int width = or(layer.units(), or(layer.filters(), units));
			range(errors, at + (layer.units() == null && layer.filters() != null ? "filters" : "units"), width, 1,
					this.limits.maxUnits());
			boolean conv = "conv1d".equals(type);
			for (var entry : new Object[][] { { "kernel", layer.kernel() }, { "stride", layer.stride() },
					{ "dilation", layer.dilation() } }) {
				Integer value = (Integer) entry[1];
				if (value == null) {
					continue;
				}
				if (!conv) {
					errors.add(new FieldProblem(at + entry[0], "applies to conv1d layers only"));
				}
				else {
					range(errors, at + entry[0], value, 1, "kernel".equals(entry[0]) ? 64 : this.limits.maxWindow());
				}
			}
			String activation = lower(layer.activation());
			if (activation != null) {
				if ("gru".equals(type) && !"tanh".equals(activation)) {
					errors.add(new FieldProblem(at + "activation", "a gru layer uses tanh (and sigmoid gates)"));
				}
				else {
					oneOf(errors, at + "activation", activation, Networks.activations());
				}
			}
			Boolean returnSequences = null;
			if (sequence) {
				TrainRequest.Layer next = (i + 1 < request.size()) ? request.get(i + 1) : null;
				boolean expected = next != null && next.type() != null && !"dense".equals(lower(next.type()));
				if (layer.returnSequences() != null && layer.returnSequences() != expected) {
					errors.add(new FieldProblem(at + "returnSequences", expected
							? "must be true: the next layer is a sequence layer"
							: "must be false: the last sequence layer passes its last step to the dense layers or the output"));
				}
				returnSequences = expected;
			}
			else if (layer.returnSequences() != null) {
				errors.add(new FieldProblem(at + "returnSequences", "applies to sequence layers only"));
			}
			layers.add(new TrainSpec.Layer(type, width, conv ? or(layer.kernel(), 5) : null,
					conv ? or(layer.stride(), 1) : null, conv ? or(layer.dilation(), 1) : null,
					activation != null ? activation : (sequence && !conv ? "tanh" : "relu"), returnSequences));
		}
		return layers;
	}

}
