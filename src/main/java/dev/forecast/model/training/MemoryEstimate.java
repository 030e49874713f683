package dev.forecast.model.training;

import dev.forecast.model.TrainSpec;

import java.util.List;

/**
 * How much memory training a spec takes, from the spec alone: parameters with their
 * gradients and the updater's state, plus the activations one batch keeps over the window
 * for the backward pass (with their gradients), all in 32-bit floats, times a safety
 * factor for ND4J's workspaces, temporaries and the copies of the best epoch, plus a
 * fixed base.
 * <p>
 * Per window and time step a layer of width {@code u} keeps about: LSTM {@code 12u} (four
 * gates before and after activation, cell state and output, their tanh), GRU {@code 9u},
 * simple RNN {@code 3u}, a convolution {@code 2u} plus its unfolded input
 * ({@code kernel x inputs}), dense {@code 2u}. The figures are upper bounds of what DL4J
 * 1.0.0-M2.1 holds, so an accepted spec fits and a refused one would not.
 *
 * @param parameters trainable parameters
 * @param activationsPerWindow floats one window keeps for the backward pass
 * @param updaterSlots floats of updater state per parameter
 * @param bytes the estimate in bytes, safety factor and base included
 */
public record MemoryEstimate(long parameters, long activationsPerWindow, int updaterSlots, long bytes) {

	/** Workspaces, temporaries, prefetched batches, the best epoch's copy. */
	static final double SAFETY = 2.0;

	/** The data, the scaler's copies and the network objects of any run. */
	static final long BASE = 32L << 20;

	public static MemoryEstimate of(TrainSpec spec) {
		List<TrainSpec.Layer> layers = Networks.layers(spec);
		long time = spec.inputLength();
		long inputs = 1;
		boolean flat = !layers.get(0).sequence();
		if (flat) {
			inputs = spec.inputLength();
		}
		long parameters = 0;
		long activations = 0;
		for (TrainSpec.Layer layer : layers) {
			long u = layer.units();
			switch (layer.type()) {
				case "lstm" -> {
					parameters += 4 * u * (inputs + u + 1);
					activations += 12 * u * time;
				}
				case "gru" -> {
					parameters += 3 * u * (inputs + u + 1);
					activations += 9 * u * time;
				}
				case "rnn" -> {
					parameters += u * (inputs + u + 1);
					activations += 3 * u * time;
				}
				case "conv1d" -> {
					long kernel = (layer.kernel() != null) ? layer.kernel() : 5;
					long stride = (layer.stride() != null) ? layer.stride() : 1;
					parameters += u * (kernel * inputs + 1);
					activations += kernel * inputs * time;
					time = (time + stride - 1) / stride;
					activations += 2 * u * time;
				}
				case "nbeats" -> {
					long theta = Math.max(Networks.NBEATS_THETA, spec.horizon());
					long blocks = Networks.NBEATS_BLOCKS;
					parameters += blocks
							* (inputs * u + u + (Networks.NBEATS_LAYERS - 1) * u * (u + 1) + theta * (u + 1))
							+ (blocks - 1) * (u + 1) * inputs;
					activations += Networks.NBEATS_BLOCKS
							* (2 * Networks.NBEATS_LAYERS * u + 4 * theta + 2 * (inputs + spec.horizon()));
				}
				default -> {
					parameters += u * (inputs + 1);
					activations += 2 * u;
				}
			}
			if (!layer.sequence() || !Boolean.TRUE.equals(layer.returnSequences())) {
				time = 1;
			}
			inputs = "nbeats".equals(layer.type())
					? (long) Networks.NBEATS_BLOCKS * Math.max(Networks.NBEATS_THETA, spec.horizon()) : u;
		}
		parameters += spec.horizon() * (inputs + 1);
		activations += 2L * spec.horizon() + 2L * spec.inputLength();
		int slots = updaterSlots(spec.optimizer().type());
		// activations and their gradients for a batch; parameters, gradients, updater
		// state
		double floats = 2.0 * activations * spec.batchSize() + (double) parameters * (2 + slots);
		double bytes = floats * Float.BYTES * SAFETY + BASE;
		return new MemoryEstimate(parameters, activations, slots, (long) Math.min(bytes, Long.MAX_VALUE));
	}

	/** Floats of state the updater keeps per parameter. */
	static int updaterSlots(String optimizer) {
		return switch (optimizer) {
			case "sgd" -> 0;
			case "momentum", "nesterov", "adagrad", "rmsprop" -> 1;
			default -> 2;
		};
	}

	/** {@code bytes} in a short human form: {@code 812 MB}, {@code 1.9 TB}. */
	public static String format(long bytes) {
		String[] units = { "bytes", "KB", "MB", "GB", "TB", "PB", "EB" };
		double value = bytes;
		int unit = 0;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return (value >= 10 || unit == 0) ? String.format(java.util.Locale.ROOT, "%.0f %s", value, units[unit])
				: String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
	}

}
