package dev.forecast.forecast;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import dev.forecast.error.DeadlineExceededException;

/**
 * One costly request's right to go on: its work checks it between origins and stops with
 * a 503 problem detail once the deadline has passed or the request was cancelled (its
 * client went away, the service is stopping).
 */
public final class Computation {

	/** A computation without deadline (for callers outside a request). */
	static final Computation UNBOUNDED = new Computation(Duration.ofDays(36_500)); // toNanos
																					// fits
																					// a
																					// long

	private final long start = System.nanoTime();

	private final Duration deadline;

	private final AtomicLong checks = new AtomicLong();

	private volatile String stopped;

	private volatile BooleanSupplier clientGone = () -> false;

	Computation(Duration deadline) {
		this.deadline = deadline;
	}

	/** Stops the work at its next check once {@code clientGone} says so. */
	void watch(BooleanSupplier clientGone) {
		this.clientGone = clientGone;
	}

	/** Throws once the work must stop; call it before each origin or step. */
	void check() {
		this.checks.incrementAndGet();
		if (this.stopped == null && System.nanoTime() - this.start > this.deadline.toNanos()) {
			this.stopped = "it did not finish within forecast.forecast.deadline (" + this.deadline + ")";
		}
		if (this.stopped == null && this.clientGone.getAsBoolean()) {
			this.stopped = "its client closed the connection";
		}
		String reason = this.stopped;
		if (reason != null) {
			throw new DeadlineExceededException("The computation was stopped: " + reason
					+ "; ask for less work (a shorter holdout or horizon, fewer methods).");
		}
	}

	/** Stops the work at its next check. */
	void cancel(String reason) {
		if (this.stopped == null) {
			this.stopped = reason;
		}
	}

	boolean isStopped() {
		return this.stopped != null;
	}

	/** How many times the work checked (origins started, plus the one that stopped). */
	long checks() {
		return this.checks.get();
	}

}
