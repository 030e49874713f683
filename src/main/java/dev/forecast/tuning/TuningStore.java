package dev.forecast.tuning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.forecast.training.TrainRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes random searches and their trials, in SQL; a trial's status and MAE are
 * its run's.
 */
@Repository
class TuningStore {

	private static final TypeReference<LinkedHashMap<String, Object>> PARAMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	TuningStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A stored search without its trials. */
	record Header(long id, long series, long seed, java.time.Instant createdAt) {
	}

	/** A trial waiting for a free run of its search's owner. */
	record Pending(long tuning, int trial, long series, String owner, TrainRequest base, Map<String, Object> params) {
	}

	@Transactional
	long insert(long seriesId, int trials, long seed, Object base, Object space, String owner) {
		return this.jdbc
			.sql("insert into tuning (series_id, trials, seed, base, space, owner) "
					+ "values (?, ?, ?, ?::jsonb, ?::jsonb, ?) returning id")
			.params(seriesId, trials, seed, this.json.writeValueAsString(base), this.json.writeValueAsString(space),
					owner)
			.query(Long.class)
			.single();
	}

	/** A trial with its run, or pending ({@code runId} null) until a run is free. */
	@Transactional
	void insertTrial(long tuningId, int trial, Long runId, Map<String, Object> params) {
		this.jdbc
			.sql("insert into tuning_trial (tuning_id, trial, run_id, params, pending) values (?, ?, ?, ?::jsonb, ?)")
			.params(tuningId, trial, runId, this.json.writeValueAsString(params), runId == null)
			.update();
	}

	/** The oldest pending trials (unlocked: {@link #lockPending} takes each). */
	@Transactional(readOnly = true)
	List<Pending> pending(int limit) {
		return this.jdbc.sql("""
				select t.tuning_id, t.trial, s.series_id, coalesce(s.owner, 'anonymous') as owner,
				       s.base::text as base, t.params::text as params
				  from tuning_trial t join tuning s on s.id = t.tuning_id
				 where t.pending order by t.tuning_id, t.trial limit ?
				""")
			.param(limit)
			.query((rs, n) -> new Pending(rs.getLong("tuning_id"), rs.getInt("trial"), rs.getLong("series_id"),
					rs.getString("owner"), this.json.readValue(rs.getString("base"), TrainRequest.class),
					this.json.readValue(rs.getString("params"), PARAMS)))
			.list();
	}

	/**
	 * Locks a trial for this transaction if it is still pending and no other transaction
	 * holds it.
	 */
	@Transactional
	boolean lockPending(long tuningId, int trial) {
		return !this.jdbc
			.sql("select 1 from tuning_trial where tuning_id = ? and trial = ? and pending for update skip locked")
			.params(tuningId, trial)
			.query(Integer.class)
			.list()
			.isEmpty();
	}

	/** Ends a pending trial that cannot be queued, with the reason. */
	@Transactional
	void rejected(long tuningId, int trial, String error) {
		this.jdbc
			.sql("update tuning_trial set pending = false, error = ? where tuning_id = ? and trial = ? and pending")
			.params(error, tuningId, trial)
			.update();
	}

	@Transactional
	void submitted(long tuningId, int trial, long runId) {
		this.jdbc.sql("update tuning_trial set run_id = ?, pending = false where tuning_id = ? and trial = ?")
			.params(runId, tuningId, trial)
			.update();
	}

	@Transactional(readOnly = true)
	Optional<Header> header(long id) {
		return this.jdbc.sql("select id, series_id, seed, created_at from tuning where id = ?")
			.param(id)
			.query((rs, n) -> new Header(rs.getLong("id"), rs.getLong("series_id"), rs.getLong("seed"),
					rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	@Transactional(readOnly = true)
	List<Tuning.Trial> trials(long id) {
		return this.jdbc.sql("""
				select t.run_id, t.params::text as params, t.pending, t.error, r.status, r.val_mae
				  from tuning_trial t left join training_run r on r.id = t.run_id
				 where t.tuning_id = ? order by t.trial
				""").param(id).query(this::trial).list();
	}

	private Tuning.Trial trial(ResultSet rs, int row) throws SQLException {
		long run = rs.getLong("run_id");
		Long runId = rs.wasNull() ? null : run;
		double mae = rs.getDouble("val_mae");
		Double valMae = rs.wasNull() ? null : mae;
		String status = rs.getString("status");
		String error = rs.getString("error");
		if (status == null) {
			status = rs.getBoolean("pending") ? "PENDING" : (error != null) ? "REJECTED" : "DELETED";
		}
		return new Tuning.Trial(runId, this.json.readValue(rs.getString("params"), PARAMS), status, valMae, error);
	}

}
