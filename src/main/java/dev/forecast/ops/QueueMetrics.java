package dev.forecast.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.forecast.training.RunStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The training queue as every instance sees it in PostgreSQL: runs queued and running,
 * and the age of the oldest queued run. One query (on the partial indexes of queued and
 * running runs) at most every {@link #REFRESH}, however often the gauges are read.
 */
@Component
class QueueMetrics implements MeterBinder {

	static final Duration REFRESH = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(QueueMetrics.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Snapshot snapshot = new Snapshot(Instant.MIN, Double.NaN, Double.NaN, Double.NaN);

	QueueMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("forecast.queue.runs", this, q -> q.current().queued())
			.description("Training runs queued or running, by status (all instances)")
			.tag("status", "queued")
			.register(registry);
		Gauge.builder("forecast.queue.runs", this, q -> q.current().running())
			.description("Training runs queued or running, by status (all instances)")
			.tag("status", "running")
			.register(registry);
		Gauge.builder("forecast.queue.oldest.age", this, q -> q.current().oldestAge())
			.description("Seconds since the oldest queued run was submitted (0 when none is queued)")
			.baseUnit("seconds")
			.register(registry);
	}

	private Snapshot current() {
		Snapshot last = this.snapshot;
		Instant now = this.clock.instant();
		if (last.at().plus(REFRESH).isAfter(now)) {
			return last;
		}
		synchronized (this) {
			if (this.snapshot != last) {
				return this.snapshot;
			}
			try {
				this.snapshot = read(now);
			}
			catch (RuntimeException ex) {
				log.debug("Queue metrics not read: {}", ex.toString());
				this.snapshot = new Snapshot(now, Double.NaN, Double.NaN, Double.NaN);
			}
			return this.snapshot;
		}
	}

	private Snapshot read(Instant now) {
		return this.jdbc.sql("""
				select count(*) filter (where status = :queued) as queued,
				       count(*) filter (where status = :running) as running,
				       coalesce(extract(epoch from now() - min(created_at) filter (where status = :queued)), 0) as age
				  from training_run where status in (:both)
				""")
			.param("queued", RunStatus.QUEUED.name())
			.param("running", RunStatus.RUNNING.name())
			.param("both", List.of(RunStatus.QUEUED.name(), RunStatus.RUNNING.name()))
			.query((rs, n) -> new Snapshot(now, rs.getLong("queued"), rs.getLong("running"),
					Math.max(0, rs.getDouble("age"))))
			.single();
	}

	private record Snapshot(Instant at, double queued, double running, double oldestAge) {
	}

}
