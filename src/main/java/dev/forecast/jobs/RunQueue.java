package dev.forecast.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.forecast.model.training.Diagnosis;
import dev.forecast.model.training.EpochStats;
import dev.forecast.training.Run;
import dev.forecast.training.RunStatus;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workers' side of the run queue, in SQL: claim, heartbeat, epoch records, the end of
 * a run and the recovery of runs whose worker went silent. Every status change is one
 * guarded update ({@code where status in (sources of the target)} from {@link RunStatus},
 * and {@code worker = me}), so a worker that lost its run (re-queued after missed
 * heartbeats, deleted with its series) changes nothing and learns it from the row count.
 * Each method is its own short transaction; no transaction spans training.
 */
@Repository
class RunQueue {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RunQueue(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * A run a worker took: what it needs to train; exactly one of {@code seriesId} and
	 * {@code collectionId} is set.
	 */
	record Claim(long id, Long seriesId, Long collectionId, String spec, int attempts) {
	}

	/**
	 * What a worker learns from a heartbeat: whether the run is still its own, and
	 * whether to cancel.
	 */
	enum Heartbeat {

		OWNED, CANCEL_REQUESTED, LOST

	}

	/**
	 * Takes the oldest queued run for {@code worker}; concurrent claimers skip each
	 * other's locked rows.
	 */
	@Transactional
	Optional<Claim> claim(String worker) {
		return this.jdbc.sql("""
				update training_run r
				   set status = :running, worker = :worker, attempts = r.attempts + 1, heartbeat_at = now(),
				       started_at = now(), finished_at = null, epoch = 0, curve = '[]'::jsonb, metrics = null,
				       val_mae = null, error = null, networks_done = null, networks_total = null
				 where r.id = (select q.id from training_run q where q.status in (:sources)
				                order by q.created_at, q.id limit 1 for update skip locked)
				returning r.id, r.series_id, r.collection_id, r.spec::text as spec, r.attempts
				""")
			.param("running", RunStatus.RUNNING.name())
			.param("worker", worker)
			.param("sources", RunStatus.sourcesOf(RunStatus.RUNNING))
			.query((rs, n) -> new Claim(rs.getLong("id"), rs.getObject("series_id", Long.class),
					rs.getObject("collection_id", Long.class), rs.getString("spec"), rs.getInt("attempts")))
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

	/**
	 * Appends one epoch to the curve (and counts as a heartbeat); an epoch already
	 * recorded (a retry after a commit whose answer was lost) is not appended twice.
	 */
	@Transactional
	Heartbeat recordEpoch(long id, String worker, EpochStats stats) {
		return owned(this.jdbc
			.sql("""
					update training_run set curve = case when epoch < :epoch then curve || cast(:stats as jsonb) else curve end,
					       epoch = greatest(epoch, :epoch), heartbeat_at = now()
					 where id = :id and worker = :worker and status = :running returning cancel_requested
					""")
			.param("stats", this.json.writeValueAsString(List.of(stats)))
			.param("epoch", stats.epoch()), id, worker);
	}

	/**
	 * Records that {@code done} of the run's {@code total} networks finished (and counts
	 * as a heartbeat); a retried report never lowers the count.
	 */
	@Transactional
	Heartbeat recordNetworks(long id, String worker, int done, int total) {
		return owned(this.jdbc.sql("""
				update training_run set networks_done = greatest(coalesce(networks_done, 0), :done),
				       networks_total = :total, heartbeat_at = now()
				 where id = :id and worker = :worker and status = :running returning cancel_requested
				""").param("done", done).param("total", total), id, worker);
	}

	/**
	 * Runs an update of run {@code id} that holds only while {@code worker} owns it and
	 * returns its {@code cancel_requested}: the heartbeat's answer.
	 */
	private static Heartbeat owned(JdbcClient.StatementSpec update, long id, String worker) {
		return update.param("id", id)
			.param("worker", worker)
			.param("running", RunStatus.RUNNING.name())
			.query(Boolean.class)
			.optional()
			.map(cancel -> cancel ? Heartbeat.CANCEL_REQUESTED : Heartbeat.OWNED)
			.orElse(Heartbeat.LOST);
	}

	/**
	 * RUNNING → SUCCEEDED with the model, in one transaction; {@code false} when the run
	 * is no longer ours.
	 */
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
				insert into training_model (run_id, series_id, collection_id, size_bytes, bytes)
				select id, series_id, collection_id, ?, ? from training_run where id = ?
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
	 * Re-queues running runs whose heartbeat is older than {@code timeout}; a run whose
	 * workers died {@code maxAttempts} times (every claim but the current one ended in a
	 * death: other ends are final or give the attempt back) fails with the reason
	 * instead, and one asked to cancel is cancelled. Returns the ids touched.
	 */
	@Transactional
	List<Long> recoverStale(Duration timeout, int maxAttempts) {
		return this.jdbc.sql("""
				update training_run
				   set status = case when cancel_requested then :cancelled
				                     when attempts >= :max then :failed else :queued end,
				       error = case when cancel_requested then error
				                    when attempts >= :max then 'The workers training this run died '
				                         || attempts || ' time(s) (the last, ' || coalesce(worker, '?')
				                         || ', sent no heartbeat for ' || :seconds
				                         || ' s); not handed to another worker again'
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

}
