package dev.forecast.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.training.Diagnosis;
import dev.forecast.model.training.EpochStats;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The runs and models as the API reads and changes them, in SQL: queue, count, cancel,
 * delete, read. Every status change is one guarded update
 * ({@code where status in (sources of the target)} from {@link RunStatus}); the workers'
 * side of the queue is {@code jobs.RunQueue}. Each method is its own short transaction.
 */
@Repository
public class RunStore {

	private static final TypeReference<List<EpochStats>> CURVE = new TypeReference<>() {
	};

	private static final String COLUMNS = "id, series_id, collection_id, status, spec::text as spec, epoch, epochs, networks_done, networks_total, "
			+ "curve::text as curve, metrics::text as metrics, diagnosis::text as diagnosis, error, worker, attempts, created_at, started_at, finished_at";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RunStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Queues a run of a series submitted by {@code owner}. */
	@Transactional
	long insert(long seriesId, TrainSpec spec, Owner owner) {
		return insert(seriesId, null, spec, owner);
	}

	/**
	 * Queues a run of a series or (with {@code seriesId} null) of a collection, submitted
	 * by {@code owner}.
	 */
	@Transactional
	long insert(Long seriesId, Long collectionId, TrainSpec spec, Owner owner) {
		return this.jdbc
			.sql("insert into training_run (series_id, collection_id, status, spec, epochs, owner) "
					+ "values (?, ?, ?, ?::jsonb, ?, ?) returning id")
			.params(seriesId, collectionId, RunStatus.QUEUED.name(), this.json.writeValueAsString(spec), spec.epochs(),
					owner.name())
			.query(Long.class)
			.single();
	}

	/**
	 * Queued plus running runs of {@code owner}, counted under a transaction-scoped lock
	 * on that owner, so that concurrent submissions of one owner count one after the
	 * other.
	 */
	@Transactional
	long lockAndCountActive(Owner owner) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('training_run.owner:' || ?))")
			.param(owner.name())
			.query()
			.singleRow();
		return this.jdbc.sql("select count(*) from training_run where owner = ? and status in ('QUEUED', 'RUNNING')")
			.param(owner.name())
			.query(Long.class)
			.single();
	}

	/**
	 * Asks a run to stop: a queued run is cancelled at once, a running one is flagged for
	 * its worker. Returns the status after the request, empty for an unknown run.
	 */
	@Transactional
	Optional<RunStatus> requestCancel(long id) {
		int cancelled = this.jdbc.sql(
				"update training_run set status = :target, finished_at = now() where id = :id and status in (:sources)")
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
	 * Deletes a run that is not running (its model goes with it); the number of rows
	 * deleted.
	 */
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
		return this.jdbc.sql("select " + COLUMNS + " from training_run where id = ?")
			.param(id)
			.query(this::run)
			.optional();
	}

	@Transactional(readOnly = true)
	List<Run> list(Long seriesId, RunStatus status, int limit) {
		return list(seriesId, null, status, limit);
	}

	@Transactional(readOnly = true)
	List<Run> list(Long seriesId, Long collectionId, RunStatus status, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from training_run
				 where (cast(:series as bigint) is null or series_id = :series)
				   and (cast(:collection as bigint) is null or collection_id = :collection)
				   and (cast(:status as varchar) is null or status = :status)
				 order by val_mae asc nulls last, created_at desc, id desc
				 limit :limit
				""")
			.param("series", seriesId)
			.param("collection", collectionId)
			.param("status", status == null ? null : status.name())
			.param("limit", limit)
			.query(this::run)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<RunRef> ref(long id) {
		return this.jdbc.sql("select series_id, collection_id, status from training_run where id = ?")
			.param(id)
			.query((rs, n) -> new RunRef(id, nullableLong(rs, "series_id"), nullableLong(rs, "collection_id"),
					RunStatus.valueOf(rs.getString("status"))))
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<byte[]> model(long runId) {
		return this.jdbc.sql("select bytes from training_model where run_id = ?")
			.param(runId)
			.query(byte[].class)
			.optional();
	}

	/** The metrics of a run, if it exists and has them. */
	@Transactional(readOnly = true)
	public Optional<Run.Metrics> metrics(long runId) {
		return find(runId).map(Run::metrics);
	}

	/**
	 * The succeeded run of a series with the lowest validation MAE; for a member of a
	 * collection without a succeeded run of its own, that of its collection (a global
	 * model) with the lowest validation MAE.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> bestSucceeded(long seriesId) {
		return this.jdbc.sql("""
				select id from training_run
				 where status = :succeeded and (series_id = :series or collection_id =
				       (select m.collection_id from collection_member m where m.series_id = :series))
				 order by series_id is null, val_mae asc nulls last, id desc limit 1
				""")
			.param("succeeded", RunStatus.SUCCEEDED.name())
			.param("series", seriesId)
			.query(Long.class)
			.optional();
	}

	private Run run(ResultSet rs, int row) throws SQLException {
		String metrics = rs.getString("metrics");
		String diagnosis = rs.getString("diagnosis");
		return new Run(rs.getLong("id"), nullableLong(rs, "series_id"), nullableLong(rs, "collection_id"),
				RunStatus.valueOf(rs.getString("status")), this.json.readValue(rs.getString("spec"), TrainSpec.class),
				new Run.Progress(rs.getInt("epoch"), rs.getInt("epochs"), nullableInteger(rs, "networks_total"),
						nullableInteger(rs, "networks_done")),
				this.json.readValue(rs.getString("curve"), CURVE),
				metrics == null ? null : this.json.readValue(metrics, Run.Metrics.class),
				diagnosis == null ? null : this.json.readValue(diagnosis, Diagnosis.class), rs.getString("error"),
				rs.getString("worker"), rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "started_at"),
				instant(rs, "finished_at"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Integer nullableInteger(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
