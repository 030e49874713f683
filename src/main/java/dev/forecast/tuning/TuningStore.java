package dev.forecast.tuning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	@Transactional
	long insert(long seriesId, int trials, long seed, Object base, Object space) {
		return this.jdbc.sql(
				"insert into tuning (series_id, trials, seed, base, space) values (?, ?, ?, ?::jsonb, ?::jsonb) returning id")
			.params(seriesId, trials, seed, this.json.writeValueAsString(base), this.json.writeValueAsString(space))
			.query(Long.class)
			.single();
	}

	@Transactional
	void insertTrial(long tuningId, int trial, long runId, Map<String, Object> params) {
		this.jdbc.sql("insert into tuning_trial (tuning_id, trial, run_id, params) values (?, ?, ?, ?::jsonb)")
			.params(tuningId, trial, runId, this.json.writeValueAsString(params))
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
				select t.run_id, t.params::text as params, r.status, r.val_mae
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
		return new Tuning.Trial(runId, this.json.readValue(rs.getString("params"), PARAMS),
				status == null ? "DELETED" : status, valMae);
	}

}
