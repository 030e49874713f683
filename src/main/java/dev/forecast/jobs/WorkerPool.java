package dev.forecast.jobs;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.forecast.training.RunQueued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The training workers of this instance. Each worker thread claims the oldest queued run
 * ({@code FOR UPDATE SKIP LOCKED}, so no two workers in any process get the same run),
 * trains it and claims the next; idle workers wait for a local submit or the poll
 * interval. A scheduler thread sends heartbeats for the runs training here and re-queues
 * runs whose worker stopped sending them.
 * <p>
 * Stopping (SIGTERM, context close) stops claiming, asks running jobs to stop at their
 * next batch and put their runs back in the queue (the attempt is not counted), and waits
 * up to the shutdown timeout.
 */
@Component
class WorkerPool implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

	private static final AtomicInteger GENERATION = new AtomicInteger();

	private final WorkerProperties properties;

	private final RunQueue store;

	private final TrainingJob job;

	private final RunningJobs running;

	private final Nd4jRuntime nd4j;

	private final JobTelemetry telemetry;

	private final DatabaseRetry retry;

	private final WorkerHealth health;

	private final Object signal = new Object();

	private final List<Thread> workers = new ArrayList<>();

	private ScheduledExecutorService scheduler;

	private volatile boolean active;

	/**
	 * Changes at every start and stop: a worker thread of an earlier start never claims
	 * again.
	 */
	private volatile int generation;

	WorkerPool(WorkerProperties properties, RunQueue store, TrainingJob job, RunningJobs running, Nd4jRuntime nd4j,
			JobTelemetry telemetry, DatabaseRetry retry, WorkerHealth health) {
		this.properties = properties;
		this.retry = retry;
		this.store = store;
		this.job = job;
		this.running = running;
		this.nd4j = nd4j;
		this.telemetry = telemetry;
		this.health = health;
	}

	@Override
	public synchronized void start() {
		if (this.active || !this.properties.enabled()) {
			return;
		}
		boolean cuda = this.nd4j.isCuda();
		int count = cuda ? this.nd4j.devices() : this.properties.cpuWorkers(Runtime.getRuntime().availableProcessors());
		String prefix = host() + "/" + ProcessHandle.current().pid() + "/w" + GENERATION.incrementAndGet() + "-";
		this.active = true;
		int mine = ++this.generation;
		for (int i = 0; i < count; i++) {
			int device = i;
			String name = prefix + (i + 1);
			Thread thread = new Thread(() -> work(name, cuda ? device : -1, mine), "trainer-" + (i + 1));
			thread.setDaemon(false);
			this.workers.add(thread);
			thread.start();
		}
		this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "trainer-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long beat = this.properties.heartbeatInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::heartbeats, beat, beat, TimeUnit.MILLISECONDS);
		long recovery = this.properties.recoveryInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::recoverStale, recovery / 2, recovery, TimeUnit.MILLISECONDS);
		log.info("Started {} training worker(s) ({})", count, cuda ? "one per GPU" : "CPU");
	}

	@Override
	public void stop() {
		List<Thread> stopping;
		synchronized (this) {
			if (!this.active) {
				return;
			}
			this.active = false;
			this.generation++;
			stopping = new ArrayList<>(this.workers);
			this.workers.clear();
		}
		this.running.shutdownAll();
		wake();
		long deadline = System.nanoTime() + this.properties.shutdownTimeout().toNanos();
		for (Thread thread : stopping) {
			try {
				thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			if (thread.isAlive()) {
				log.warn("Worker {} did not stop within {}; its run will be recovered after the heartbeat timeout",
						thread.getName(), this.properties.shutdownTimeout());
			}
		}
		this.scheduler.shutdownNow();
		log.info("Training workers stopped");
	}

	@Override
	public boolean isRunning() {
		return this.active;
	}

	/**
	 * Wakes idle local workers when a run was queued (after its transaction committed).
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void onRunQueued(RunQueued event) {
		wake();
	}

	/** Wakes idle workers to look at the queue now. */
	void wake() {
		synchronized (this.signal) {
			this.signal.notifyAll();
		}
	}

	/**
	 * Re-queues (or fails) runs whose workers stopped sending heartbeats; the ids
	 * touched.
	 */
	List<Long> recoverStale() {
		try {
			List<Long> recovered = this.store.recoverStale(this.properties.heartbeatTimeout(),
					this.properties.maxAttempts());
			this.telemetry.recovered(recovered.size());
			if (!recovered.isEmpty()) {
				log.warn("Recovered runs {} whose workers missed heartbeats for {}", recovered,
						this.properties.heartbeatTimeout());
				wake();
			}
			return recovered;
		}
		catch (RuntimeException ex) {
			log.warn("Stale-run recovery failed: {}", ex.getMessage());
			return List.of();
		}
	}

	private void work(String worker, int device, int generation) {
		if (device >= 0) {
			this.nd4j.bindToDevice(device);
		}
		while (this.active && this.generation == generation) {
			// a pool that cannot train leaves the runs to other instances
			if (this.health.broken()) {
				idle();
				continue;
			}
			Optional<RunQueue.Claim> claim;
			try {
				claim = this.retry.call("claim", () -> this.store.claim(worker));
			}
			catch (RuntimeException ex) {
				log.warn("Claiming a run failed: {}", ex.getMessage());
				claim = Optional.empty();
			}
			if (claim.isPresent()) {
				this.job.execute(claim.get(), worker, device);
			}
			else {
				idle();
			}
		}
	}

	private void idle() {
		synchronized (this.signal) {
			if (!this.active) {
				return;
			}
			try {
				this.signal.wait(this.properties.pollInterval().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.active = false;
			}
		}
	}

	private void heartbeats() {
		for (RunningJobs.Job job : this.running.all()) {
			try {
				switch (this.retry.call("heartbeat", () -> this.store.heartbeat(job.runId, job.worker))) {
					case CANCEL_REQUESTED -> job.cancel();
					case LOST -> job.lose();
					case OWNED -> {
					}
				}
			}
			catch (RuntimeException ex) {
				log.warn("Heartbeat of run {} failed: {}", job.runId, ex.getMessage());
			}
		}
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException ex) {
			return ManagementFactory.getRuntimeMXBean().getName();
		}
	}

}
