package dev.forecast.jobs;

import java.util.concurrent.atomic.AtomicInteger;

import org.bytedeco.javacpp.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether this instance's workers can still train (the {@code trainingWorker} health
 * contributor, part of the readiness group). A worker that cannot recover (memory still
 * held after an out-of-memory error and a collection in this JVM, two such errors in a
 * row, or training processes that cannot start twice in a row) marks the pool broken:
 * workers stop claiming, and readiness answers DOWN with the reason in the log.
 */
@Component("trainingWorkerHealthIndicator")
class WorkerHealth implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(WorkerHealth.class);

	/** Failures in a row that mark the workers broken. */
	static final int FAILURES_IN_A_ROW = 2;

	/** Memory still in use after a collection, as a share of the limit, that is fatal. */
	static final double STILL_HELD = 0.9;

	private final AtomicInteger failures = new AtomicInteger();

	private volatile String broken;

	@Override
	public Health health() {
		String reason = this.broken;
		return (reason == null) ? Health.up().build() : Health.down().withDetail("reason", reason).build();
	}

	/** {@code true} once the workers cannot train any more: they stop claiming. */
	boolean broken() {
		return this.broken != null;
	}

	/** A run trained (or failed for a reason of its own): the worker is fine. */
	void trained() {
		this.failures.set(0);
	}

	/**
	 * An out-of-memory error in this JVM ({@code isolation: thread}): frees what can be
	 * freed, then judges whether training can go on.
	 */
	void outOfMemoryInProcess() {
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		long heap = runtime.totalMemory() - runtime.freeMemory();
		long maxPhysical = Pointer.maxPhysicalBytes();
		long physical = Pointer.physicalBytes();
		if (heap > STILL_HELD * runtime.maxMemory()) {
			markBroken("after an out-of-memory error the heap still holds " + heap / (1 << 20) + " of "
					+ runtime.maxMemory() / (1 << 20) + " MB");
		}
		else if (maxPhysical > 0 && physical > STILL_HELD * maxPhysical) {
			markBroken("after an out-of-memory error the process still holds " + physical / (1 << 20) + " of "
					+ maxPhysical / (1 << 20) + " MB (org.bytedeco.javacpp.maxphysicalbytes)");
		}
		else {
			failed("out-of-memory errors");
		}
	}

	/** A training process could not be started. */
	void launchFailed(String message) {
		failed("training processes that could not start (" + message + ")");
	}

	private void failed(String what) {
		if (this.failures.incrementAndGet() >= FAILURES_IN_A_ROW) {
			markBroken(FAILURES_IN_A_ROW + " " + what + " in a row");
		}
	}

	void markBroken(String reason) {
		if (this.broken == null) {
			this.broken = reason;
			log.error("Training workers stop claiming runs and report unready: {}; restart the instance", reason);
		}
	}

}
