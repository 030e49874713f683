package dev.forecast.model.serving.jvm;

/**
 * The step loop of the recurrent layers: for every row, the state starts at zero and the
 * cell runs over the steps in order; the output is every step's {@code h}, or the last
 * one.
 */
final class Recurrence {

	/**
	 * One row's recurrent state and its update; made for one pass, used by one thread.
	 */
	interface Cell {

		/** Zeroes the state for a new row. */
		void reset();

		/**
		 * Advances the state by the input step at {@code x[offset, offset + in)}; returns
		 * {@code h}.
		 */
		float[] step(float[] x, int offset);

	}

	private Recurrence() {
	}

	static Tensor run(Tensor x, int units, boolean lastStepOnly, Cell cell) {
		int steps = x.steps();
		float[] y = new float[x.batch() * (lastStepOnly ? 1 : steps) * units];
		for (int b = 0; b < x.batch(); b++) {
			cell.reset();
			float[] h = null;
			for (int t = 0; t < steps; t++) {
				h = cell.step(x.data(), x.at(b, t));
				if (!lastStepOnly) {
					System.arraycopy(h, 0, y, (b * steps + t) * units, units);
				}
			}
			if (lastStepOnly && h != null) {
				System.arraycopy(h, 0, y, b * units, units);
			}
		}
		return lastStepOnly ? Tensor.flat(y, x.batch(), units) : Tensor.sequence(y, x.batch(), steps, units);
	}

}
