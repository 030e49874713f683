package dev.forecast.tuning;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.forecast.training.Owner;
import dev.forecast.training.TrainingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues the pending trials of searches larger than their owner's active-run quota as
 * earlier runs finish: every {@code forecast.tuning.pending-interval} it takes the oldest
 * pending trials (locked, so instances never queue one twice) and submits each as a run
 * while its owner has a free one, within the quota, in one transaction per trial.
 */
@Component
class PendingTrials implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PendingTrials.class);

	private static final int BATCH = 100;

	private final TuningStore store;

	private final TrainingService training;

	private final TransactionTemplate transactions;

	private final TuningProperties properties;

	private ScheduledExecutorService scheduler;

	PendingTrials(TuningStore store, TrainingService training, PlatformTransactionManager transactions,
			TuningProperties properties) {
		this.store = store;
		this.training = training;
		this.transactions = new TransactionTemplate(transactions);
		this.properties = properties;
	}

	/** Queues what pending trials the quotas allow now; how many. */
	int submit() {
		Integer queued = this.transactions.execute(status -> {
			int count = 0;
			Set<String> full = new HashSet<>();
			List<TuningStore.Pending> pending = this.store.lockPending(BATCH);
			for (TuningStore.Pending trial : pending) {
				Owner owner = new Owner(trial.owner());
				if (full.contains(trial.owner()) || this.training.freeRuns(owner) <= 0) {
					full.add(trial.owner());
					continue;
				}
				long run = this.training
					.submit(TrialRequests.build(trial.series(), trial.base(), trial.params()), owner)
					.id();
				this.store.submitted(trial.tuning(), trial.trial(), run);
				count++;
			}
			return count;
		});
		return (queued == null) ? 0 : queued;
	}

	private void tick() {
		try {
			int queued = submit();
			if (queued > 0) {
				log.info("Queued {} pending trial(s)", queued);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Queuing pending trials failed: {}", ex.toString());
		}
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "pending-trials");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.properties.pendingInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
