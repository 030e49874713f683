package dev.forecast.training;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The memory a training run may use, as the API checks a spec against it before queuing
 * it: the part of the workers' settings ({@code forecast.worker.*}, bound in full by
 * {@code jobs.WorkerProperties}) that the API needs, read here so that {@code training}
 * does not depend on {@code jobs}.
 *
 * @param runNative the native memory ND4J may allocate in a training process
 * @param maxRunMemory the largest memory estimate of an accepted spec (empty: runNative)
 */
@ConfigurationProperties("forecast.worker")
public record RunMemoryLimit(@DefaultValue("1536MB") DataSize runNative, DataSize maxRunMemory) {

	/** The largest memory estimate of a spec that is accepted, in bytes. */
	public long bytes() {
		return (this.maxRunMemory != null) ? this.maxRunMemory.toBytes() : this.runNative.toBytes();
	}

}
