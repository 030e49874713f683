package dev.forecast.ops;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.forecast.jobs.JobEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The training runs of this process's workers, from their {@link JobEvent}s: counters of
 * runs started, ended (by outcome and failure reason) and recovered, timers of run
 * duration, queue wait and epochs, and the samples per second of the runs training now.
 * Tags are the model family, the outcome and the reason class, never an id.
 */
@Component
class RunMetrics {

	private static final Logger log = LoggerFactory.getLogger(RunMetrics.class);

	private final MeterRegistry registry;

	private final JdbcClient jdbc;

	/** Samples per second of the last epoch of each run training here, by run id. */
	private final Map<Long, Rate> rates = new ConcurrentHashMap<>();

	/** Windows per epoch of each run training here, by run id. */
	private final Map<Long, Integer> windows = new ConcurrentHashMap<>();

	private final Set<String> gauged = ConcurrentHashMap.newKeySet();

	RunMetrics(MeterRegistry registry, JdbcClient jdbc) {
		this.registry = registry;
		this.jdbc = jdbc;
		Counter.builder("forecast.runs.recovered")
			.description("Runs taken back from workers that stopped sending heartbeats (re-queued, or failed "
					+ "after their last attempt)")
			.register(registry);
		samplesGauge("unknown");
	}

	@EventListener
	void on(JobEvent event) {
		if (event instanceof JobEvent.Started started) {
			started(started);
		}
		else if (event instanceof JobEvent.Epoch epoch) {
			epoch(epoch);
		}
		else if (event instanceof JobEvent.Ended ended) {
			ended(ended);
		}
		else if (event instanceof JobEvent.Recovered recovered) {
			this.registry.counter("forecast.runs.recovered").increment(recovered.runs());
		}
	}

	private void started(JobEvent.Started started) {
		String model = Tags.model(started.model());
		Counter.builder("forecast.runs.started")
			.description("Runs a worker of this process started training")
			.tag("model", model)
			.register(this.registry)
			.increment();
		this.windows.put(started.runId(),
				Math.max(0, started.trainPoints() - started.window() - started.horizon() + 1));
		samplesGauge(model);
		queueWait(started.runId()).ifPresent(wait -> Timer.builder("forecast.runs.queue.wait")
			.description("Time from a run's submission to the start of its training")
			.tag("model", model)
			.register(this.registry)
			.record(wait));
	}

	private void epoch(JobEvent.Epoch epoch) {
		String model = Tags.model(epoch.model());
		Timer.builder("forecast.training.epochs")
			.description("Wall time of one training epoch, validation included")
			.tag("model", model)
			.register(this.registry)
			.record(Duration.ofNanos((long) (epoch.seconds() * 1e9)));
		int count = this.windows.getOrDefault(epoch.runId(), 0);
		if (epoch.seconds() > 0) {
			this.rates.put(epoch.runId(), new Rate(model, count / epoch.seconds()));
		}
	}

	private void ended(JobEvent.Ended ended) {
		this.rates.remove(ended.runId());
		this.windows.remove(ended.runId());
		String model = Tags.model(ended.model());
		String outcome = Tags.outcome(ended.outcome());
		Counter.builder("forecast.runs.ended")
			.description("Runs whose training ended on a worker of this process, by outcome and failure reason")
			.tag("model", model)
			.tag("outcome", outcome)
			.tag("reason", Tags.reason(ended.outcome(), ended.failure()))
			.register(this.registry)
			.increment();
		Timer.builder("forecast.runs.duration")
			.description("Time a worker spent on a run, from claim to end")
			.tag("model", model)
			.tag("outcome", outcome)
			.register(this.registry)
			.record(ended.duration());
	}

	private void samplesGauge(String model) {
		if (this.gauged.add(model)) {
			Gauge
				.builder("forecast.training.samples.per.second", this.rates,
						rates -> rates.values()
							.stream()
							.filter(rate -> rate.model().equals(model))
							.mapToDouble(Rate::samplesPerSecond)
							.sum())
				.description("Training windows per second of the runs training in this process (their last epoch)")
				.tag("model", model)
				.register(this.registry);
		}
	}

	private Optional<Duration> queueWait(long runId) {
		try {
			return this.jdbc
				.sql("select extract(epoch from started_at - created_at) from training_run where id = ? "
						+ "and started_at is not null")
				.param(runId)
				.query(Double.class)
				.optional()
				.map(seconds -> Duration.ofNanos((long) (Math.max(0, seconds) * 1e9)));
		}
		catch (RuntimeException ex) {
			log.debug("Queue wait of run {} not read: {}", runId, ex.toString());
			return Optional.empty();
		}
	}

	private record Rate(String model, double samplesPerSecond) {
	}

}
