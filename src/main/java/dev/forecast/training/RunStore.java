package dev.forecast.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.forecast.model.Diagnosis;
import dev.forecast.model.EpochStats;
import dev.forecast.model.TrainSpec;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * All reads and writes of runs and models, in SQL. Every status change is one guarded update
 * ({@code where status in (sources of the target)} from {@link RunStatus}, and, for a worker's
 * writes, {@code worker = me}), so a worker that lost its run (re-queued after missed heartbeats,
 * deleted with its series) changes nothing and learns it from the row count. Each method is its
 * own short transaction; no transaction spans training.
 */
@Repository
class RunStore {

	private static final TypeReference<List<EpochStats>> CURVE = new TypeReference<>() {
	};

	private static final String COLUMNS = "id, series_id, status, spec::text as spec, epoch, epochs, curve::text as curve, "
			+ "metrics::text as metrics, diagnosis::text as diagnosis, error, worker, attempts, created_at, started_at, finished_at";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RunStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A run a worker took: what it needs to train. */
	record Claim(long id, long seriesId, String spec, int attempts) {
	}

	/** What a worker learns from a heartbeat: whether the run is still its own, and whether to cancel. */
	enum Heartbeat {

		OWNED, CANCEL_REQUESTED, LOST

	}

	/** Queues a run submitted by {@code owner}. */
	@Transactional
	long insert(long seriesId, TrainSpec spec, Owner owner) {
		return this.jdbc
			.sql("insert into training_run (series_id, status, spec, epochs, owner) values (?, ?, ?::jsonb, ?, ?) returning id")
			.params(seriesId, RunStatus.QUEUED.name(), this.json.writeValueAsString(spec), spec.epochs(), owner.name())
			.query(Long.class)
			.single();
	}

	/**
	 * Queued plus running runs of {@code owner}, counted under a transaction-scoped lock on that
	 * owner, so that concurrent submissions of one owner count one after the other.
	 */
	@Transactional
	long lockAndCountActive(Owner owner) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('training_run.owner:' || ?))").param(owner.name()).query().singleRow();
		return this.jdbc.sql("select count(*) from training_run where owner = ? and status in ('QUEUED', 'RUNNING')")
			.param(owner.name())
			.query(Long.class)
			.single();
	}

	/** Takes the oldest queued run for {@code worker}; concurrent claimers skip each other's locked rows. */
	@Transactional
	Optional<Claim> claim(String worker) {
		return this.jdbc.sql("""
				update training_run r
				   set status = :running, worker = :worker, attempts = r.attempts + 1, heartbeat_at = now(),
				       started_at = now(), finished_at = null, epoch = 0, curve = '[]'::jsonb, metrics = null,
				       val_mae = null, error = null
				 where r.id = (select q.id from training_run q where q.status in (:sources)
				                order by q.created_at, q.id limit 1 for update skip locked)
				returning r.id, r.series_id, r.spec::text as spec, r.attempts
				""")
			.param("running", RunStatus.RUNNING.name())
			.param("worker", worker)
			.param("sources", RunStatus.sourcesOf(RunStatus.RUNNING))
			.query((rs, n) -> new Claim(rs.getLong("id"), rs.getLong("series_id"), rs.getString("spec"),
					rs.getInt("attempts")))
			.optional();
	}

	@Transactional
	Heartbeat heartbeat(long id, String worker) {
		return this.jdbc
			.sql("update training_run set heartbeat_at = now() where id = ? and worker = ? and status = ? "
					+ "returning cancel_requested")
			.params(id, worker, RunStatus.RUNNING.name())
			.query(Boolean.class)
			.optional()
			.map(cancel -> cancel ? Heartbeat.CANCEL_REQUESTED : Heartbeat.OWNED)
			.orElse(Heartbeat.LOST);
	}

	/** Appends one epoch to the curve (and counts as a heartbeat). */
	@Transactional
	Heartbeat recordEpoch(long id, String worker, EpochStats stats) {
		return this.jdbc.sql("""
				update training_run set curve = curve || ?::jsonb, epoch = ?, heartbeat_at = now()
				 where id = ? and worker = ? and status = ? returning cancel_requested
				""")
			.params(this.json.writeValueAsString(List.of(stats)), stats.epoch(), id, worker, RunStatus.RUNNING.name())
			.query(Boolean.class)
			.optional()
			.map(cancel -> cancel ? Heartbeat.CANCEL_REQUESTED : Heartbeat.OWNED)
			.orElse(Heartbeat.LOST);
	}

	/** RUNNING → SUCCEEDED with the model, in one transaction; {@code false} when the run is no longer ours. */
	@Transactional
	boolean succeed(long id, String worker, Run.Metrics metrics, Diagnosis diagnosis, byte[] model) {
		int updated = finish(id, worker, RunStatus.SUCCEEDED, metrics, null);
		if (updated == 0) {
			return false;
		}
		this.jdbc.sql("update training_run set diagnosis = ?::jsonb where id = ?")
			.params(this.json.writeValueAsString(diagnosis), id)
			.update();
		this.jdbc.sql("""
				insert into training_model (run_id, series_id, size_bytes, bytes)
				select id, series_id, ?, ? from training_run where id = ?
				on conflict (run_id) do update set bytes = excluded.bytes, size_bytes = excluded.size_bytes,
				    created_at = now()
				""").params(model.length, model, id).update();
		return true;
	}

	@Transactional
	boolean fail(long id, String worker, String error) {
		return finish(id, worker, RunStatus.FAILED, null, error) == 1;
	}

	@Transactional
	boolean cancelled(long id, String worker) {
		return finish(id, worker, RunStatus.CANCELLED, null, null) == 1;
	}

	/** RUNNING → QUEUED for a worker that shuts down: the attempt is not counted. */
	@Transactional
	boolean requeue(long id, String worker) {
		return this.jdbc.sql("""
				update training_run set status = :queued, worker = null, heartbeat_at = null,
				       attempts = greatest(attempts - 1, 0)
				 where id = :id and worker = :worker and status in (:sources)
				""")
			.param("queued", RunStatus.QUEUED.name())
			.param("id", id)
			.param("worker", worker)
			.param("sources", RunStatus.sourcesOf(RunStatus.QUEUED))
			.update() == 1;
	}

	private int finish(long id, String worker, RunStatus target, Run.Metrics metrics, String error) {
		return this.jdbc.sql("""
				update training_run set status = :target, finished_at = now(), heartbeat_at = null,
				       metrics = cast(:metrics as jsonb), val_mae = :valMae, error = :error
				 where id = :id and worker = :worker and status in (:sources)
				""")
			.param("target", target.name())
			.param("metrics", metrics == null ? null : this.json.writeValueAsString(metrics))
			.param("valMae", metrics == null ? null : metrics.valMae())
			.param("error", error)
			.param("id", id)
			.param("worker", worker)
			.param("sources", RunStatus.sourcesOf(target))
			.update();
	}

	/**
	 * Asks a run to stop: a queued run is cancelled at once, a running one is flagged for its worker.
	 * Returns the status after the request, empty for an unknown run.
	 */
	@Transactional
	Optional<RunStatus> requestCancel(long id) {
		int cancelled = this.jdbc
			.sql("update training_run set status = :target, finished_at = now() where id = :id and status in (:sources)")
			.param("target", RunStatus.CANCELLED.name())
			.param("id", id)
			.param("sources", List.of(RunStatus.QUEUED.name()))
			.update();
		if (cancelled == 1) {
			return Optional.of(RunStatus.CANCELLED);
		}
		this.jdbc.sql("update training_run set cancel_requested = true where id = ? and status = ?")
			.params(id, RunStatus.RUNNING.name())
			.update();
		return status(id);
	}

	/**
	 * Re-queues running runs whose heartbeat is older than {@code timeout}; a run that used up
	 * {@code maxAttempts} fails with the reason instead, and one asked to cancel is cancelled.
	 * Returns the ids touched.
	 */
	@Transactional
	List<Long> recoverStale(Duration timeout, int maxAttempts) {
		return this.jdbc.sql("""
				update training_run
				   set status = case when cancel_requested then :cancelled
				                     when attempts >= :max then :failed else :queued end,
				       error = case when cancel_requested then error
				                    when attempts >= :max then 'Worker ' || coalesce(worker, '?')
				                         || ' stopped sending heartbeats; gave up after ' || attempts || ' attempt(s)'
				                    else error end,
				       finished_at = case when cancel_requested or attempts >= :max then now() else null end,
				       worker = case when cancel_requested or attempts >= :max then worker else null end,
				       heartbeat_at = null
				 where status = :running and heartbeat_at < now() - make_interval(secs => :seconds)
				returning id
				""")
			.param("cancelled", RunStatus.CANCELLED.name())
			.param("failed", RunStatus.FAILED.name())
			.param("queued", RunStatus.QUEUED.name())
			.param("running", RunStatus.RUNNING.name())
			.param("max", maxAttempts)
			.param("seconds", timeout.toMillis() / 1000.0)
			.query(Long.class)
			.list();
	}

	/** Deletes a run that is not running (its model goes with it); the number of rows deleted. */
	@Transactional
	int deleteUnlessRunning(long id) {
		return this.jdbc.sql("delete from training_run where id = ? and status <> ?")
			.params(id, RunStatus.RUNNING.name())
			.update();
	}

	@Transactional(readOnly = true)
	Optional<RunStatus> status(long id) {
		return this.jdbc.sql("select status from training_run where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.map(RunStatus::valueOf);
	}

	@Transactional(readOnly = true)
	Optional<Run> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from training_run where id = ?").param(id).query(this::run).optional();
	}

	@Transactional(readOnly = true)
	List<Run> list(Long seriesId, RunStatus status, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from training_run
				 where (cast(:series as bigint) is null or series_id = :series)
				   and (cast(:status as varchar) is null or status = :status)
				 order by val_mae asc nulls last, created_at desc, id desc
				 limit :limit
				""")
			.param("series", seriesId)
			.param("status", status == null ? null : status.name())
			.param("limit", limit)
			.query(this::run)
			.list();
	}

	@Transactional(readOnly = true)
	Optional<RunRef> ref(long id) {
		return this.jdbc.sql("select series_id, status from training_run where id = ?")
			.param(id)
			.query((rs, n) -> new RunRef(id, rs.getLong("series_id"), RunStatus.valueOf(rs.getString("status"))))
			.optional();
	}

	@Transactional(readOnly = true)
	Optional<byte[]> model(long runId) {
		return this.jdbc.sql("select bytes from training_model where run_id = ?").param(runId).query(byte[].class).optional();
	}

	/** The succeeded run of a series with the lowest validation MAE. */
	@Transactional(readOnly = true)
	Optional<Long> bestSucceeded(long seriesId) {
		return this.jdbc.sql("""
				select id from training_run where series_id = ? and status = ?
				 order by val_mae asc nulls last, id desc limit 1
				""").params(seriesId, RunStatus.SUCCEEDED.name()).query(Long.class).optional();
	}

	private Run run(ResultSet rs, int row) throws SQLException {
		String metrics = rs.getString("metrics");
		String diagnosis = rs.getString("diagnosis");
		return new Run(rs.getLong("id"), rs.getLong("series_id"), RunStatus.valueOf(rs.getString("status")),
				this.json.readValue(rs.getString("spec"), TrainSpec.class),
				new Run.Progress(rs.getInt("epoch"), rs.getInt("epochs")),
				this.json.readValue(rs.getString("curve"), CURVE),
				metrics == null ? null : this.json.readValue(metrics, Run.Metrics.class),
				diagnosis == null ? null : this.json.readValue(diagnosis, Diagnosis.class), rs.getString("error"),
				rs.getString("worker"), rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "started_at"),
				instant(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
