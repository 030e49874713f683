package dev.forecast.jobs;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The training worker pool ({@code forecast.worker.*}).
 *
 * @param enabled run workers in this instance ({@code false}: api only)
 * @param threads CPU workers (0: one per {@code nd4jThreads} cores); with the CUDA
 * backend one worker per GPU
 * @param nd4jThreads ND4J/OpenMP/BLAS threads, set once at start-up (0: ND4J's default)
 * @param pollInterval how long an idle worker waits before looking for queued runs again
 * @param heartbeatInterval how often a training worker confirms it is alive
 * @param heartbeatTimeout a running run without a heartbeat for this long is taken to
 * have lost its worker
 * @param recoveryInterval how often stale runs are looked for
 * @param maxAttempts trainings of one run before a run whose workers keep dying fails (2:
 * the second death fails it)
 * @param shutdownTimeout how long stopping waits for running jobs to re-queue their runs
 * @param isolation {@code process}: each run trains in a child JVM whose exit frees all
 * its memory; {@code thread}: on the worker's thread in this JVM
 * @param runHeap the heap ({@code -Xmx}) of a child JVM
 * @param runNative the native memory ND4J may allocate in a child JVM
 * ({@code org.bytedeco.javacpp.maxbytes}; its {@code maxphysicalbytes} is heap + native +
 * 512 MB)
 * <p>
 * {@code forecast.worker.max-run-memory}, the largest memory estimate of an accepted
 * spec, is read by the API ({@code training.RunMemoryLimit}), not by the workers.
 */
@Validated
@ConfigurationProperties("forecast.worker")
public record WorkerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0") @Min(0) int threads,
		@DefaultValue("1") @Min(0) int nd4jThreads, @DefaultValue("2s") Duration pollInterval,
		@DefaultValue("5s") Duration heartbeatInterval, @DefaultValue("60s") Duration heartbeatTimeout,
		@DefaultValue("15s") Duration recoveryInterval, @DefaultValue("2") @Min(1) int maxAttempts,
		@DefaultValue("20s") Duration shutdownTimeout, @DefaultValue("process") Isolation isolation,
		@DefaultValue("512MB") DataSize runHeap, @DefaultValue("1536MB") DataSize runNative) {

	/** Where a run trains. */
	public enum Isolation {

		/** In a child JVM per run. */
		PROCESS,
		/** On the worker's thread, in this JVM. */
		THREAD

	}

	/** CPU workers to start on a machine with {@code cores} cores. */
	public int cpuWorkers(int cores) {
		if (this.threads > 0) {
			return this.threads;
		}
		return Math.max(1, cores / Math.max(1, this.nd4jThreads));
	}

	/**
	 * The memory a child JVM may commit ({@code ulimit -d}): its heap, its native memory
	 * and 256 MB for the JVM's own (code, metadata, thread stacks).
	 */
	public long childDataLimit() {
		return childPhysicalBytes() + DataSize.ofMegabytes(256).toBytes();
	}

	/** {@code maxphysicalbytes} of a child JVM: its heap and native memory. */
	public long childPhysicalBytes() {
		return this.runHeap.toBytes() + this.runNative.toBytes();
	}

}
