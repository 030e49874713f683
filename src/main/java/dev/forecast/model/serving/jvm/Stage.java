package dev.forecast.model.serving.jvm;

/**
 * One layer (or input preprocessor) of the JVM forward pass: immutable, so any thread may
 * run it.
 */
interface Stage {

	Tensor apply(Tensor in);

}
