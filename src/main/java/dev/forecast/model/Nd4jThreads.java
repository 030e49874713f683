package dev.forecast.model;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's native thread settings. OpenMP reads {@code OMP_NUM_THREADS} once at start-up;
 * these calls set the same limits from code. On small machines one thread per training
 * job is fastest (a probe on 2 cores trained 2.7× faster with 1 thread than with 2: the
 * ops of this model are too small to split), and parallelism comes from running one job
 * per core.
 */
public final class Nd4jThreads {

	private Nd4jThreads() {
	}

	/**
	 * Limits ND4J's OpenMP and BLAS threads to {@code threads} (values below 1 leave the
	 * defaults).
	 */
	public static void configure(int threads) {
		if (threads < 1) {
			return;
		}
		Nd4j.getEnvironment().setMaxThreads(threads);
		Nd4j.getEnvironment().setMaxMasterThreads(threads);
		Nd4j.factory().blas().setMaxThreads(threads);
	}

	public static int maxThreads() {
		return Nd4j.getEnvironment().maxThreads();
	}

}
