package dev.forecast.series;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.forecast.error.BadRequestException;
import dev.forecast.error.PayloadTooLargeException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes, reads and deletes many series at once, for features that hold series in bulk
 * (collections): the series rows and all their point chunks go in two JDBC batches with
 * ids taken from the series' identity sequence in one query, instead of a round trip per
 * series. The series are ordinary series: the same metadata as an upload of each alone.
 */
@Repository
public class SeriesBatch {

	/** Every series row in one statement: one array parameter per column. */
	private static final String INSERT = "insert into series (id, name, length, start_time, end_time, frequency, "
			+ "month_end, date_only, gaps, mean, m2, min_value, max_value, created_at, updated_at, version) "
			+ "select id, name, length, start_time, end_time, frequency, month_end, date_only, gaps, mean, m2, "
			+ "min_value, max_value, ?, ?, 0 from unnest(?::bigint[], ?::varchar[], ?::bigint[], ?::timestamp[], "
			+ "?::timestamp[], ?::varchar[], ?::boolean[], ?::boolean[], ?::bigint[], ?::float8[], ?::float8[], "
			+ "?::float8[], ?::float8[]) as t(id, name, length, start_time, end_time, frequency, month_end, "
			+ "date_only, gaps, mean, m2, min_value, max_value)";

	/** Every chunk row in one statement. */
	private static final String INSERT_CHUNKS = "insert into series_chunk (series_id, seq, start_index, n, "
			+ "first_time, last_time, times, vals) select * from unnest(?::bigint[], ?::integer[], ?::bigint[], "
			+ "?::integer[], ?::timestamp[], ?::timestamp[], ?::bytea[], ?::bytea[])";

	private final JdbcTemplate jdbc;

	private final SeriesRepository repository;

	private final ApplicationEventPublisher events;

	private final SeriesProperties properties;

	private final Clock clock;

	SeriesBatch(JdbcTemplate jdbc, SeriesRepository repository, ApplicationEventPublisher events,
			SeriesProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Stores one series per entry, named by {@code names}; returns their ids in the same
	 * order. Joins the caller's transaction, so a failure stores none of them.
	 */
	@Transactional
	public List<Long> createAll(List<String> names, List<ParsedSeries> parsed) {
		for (int i = 0; i < parsed.size(); i++) {
			if (names.get(i).length() > 200) {
				throw BadRequestException.invalid("name", "'" + names.get(i) + "' is longer than 200 characters");
			}
			if (parsed.get(i).points().size() > this.properties.maxPoints()) {
				throw new PayloadTooLargeException("Series '" + names.get(i) + "' would hold "
						+ parsed.get(i).points().size() + " points, more than the limit of "
						+ this.properties.maxPoints() + " (forecast.series.max-points).");
			}
		}
		List<Long> ids = this.jdbc.queryForList(
				"select nextval(pg_get_serial_sequence('series', 'id')) from generate_series(1, ?)", Long.class,
				parsed.size());
		Instant now = this.clock.instant();
		int n = parsed.size();
		Object[][] columns = { new Long[n], new String[n], new Long[n], new Timestamp[n], new Timestamp[n],
				new String[n], new Boolean[n], new Boolean[n], new Long[n], new Double[n], new Double[n], new Double[n],
				new Double[n] };
		List<Object[]> chunks = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			ParsedSeries p = parsed.get(i);
			Series s = new Series(names.get(i), p, FrequencyInference.infer(p.points()), now);
			Frequency frequency = s.getFrequency();
			SeriesStats stats = s.stats();
			Object[] row = { ids.get(i), s.getName(), s.getLength(), Timestamp.valueOf(s.getStart()),
					Timestamp.valueOf(s.getEnd()), frequency == null ? null : frequency.code(),
					frequency != null && frequency.monthEnd(), s.isDateOnly(), s.getGaps(), stats.mean(), stats.m2(),
					stats.min(), stats.max() };
			for (int c = 0; c < row.length; c++) {
				columns[c][i] = row[c];
			}
			PointStore.addRows(chunks, ids.get(i), 0, 0, p.points());
		}
		Timestamp stamp = Timestamp.from(now);
		insert(INSERT, new Object[] { stamp, stamp }, columns, "int8", "varchar", "int8", "timestamp", "timestamp",
				"varchar", "bool", "bool", "int8", "float8", "float8", "float8", "float8");
		Object[][] chunkColumns = { new Long[chunks.size()], new Integer[chunks.size()], new Long[chunks.size()],
				new Integer[chunks.size()], new Timestamp[chunks.size()], new Timestamp[chunks.size()],
				new byte[chunks.size()][], new byte[chunks.size()][] };
		for (int i = 0; i < chunks.size(); i++) {
			for (int c = 0; c < chunkColumns.length; c++) {
				chunkColumns[c][i] = chunks.get(i)[c];
			}
		}
		insert(INSERT_CHUNKS, new Object[0], chunkColumns, "int8", "int4", "int8", "int4", "timestamp", "timestamp",
				"bytea", "bytea");
		this.events.publishEvent(new PointsIngested(parsed.stream().mapToInt((p) -> p.points().size()).sum(), false));
		return ids;
	}

	/**
	 * Runs {@code sql} with the {@code scalars} first, then each column as an array.
	 */
	private void insert(String sql, Object[] scalars, Object[][] columns, String... types) {
		this.jdbc.update(con -> {
			PreparedStatement statement = con.prepareStatement(sql);
			int p = 1;
			for (Object scalar : scalars) {
				statement.setObject(p++, scalar);
			}
			for (int c = 0; c < columns.length; c++) {
				statement.setArray(p++, con.createArrayOf(types[c], columns[c]));
			}
			return statement;
		});
	}

	/** The series of {@code ids} that exist, in the order of {@code ids}. */
	@Transactional(readOnly = true)
	public List<Series> find(List<Long> ids) {
		Map<Long, Series> found = this.repository.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Series::getId, Function.identity()));
		return ids.stream().filter(found::containsKey).map(found::get).toList();
	}

	/**
	 * Deletes the series of {@code ids} with their points; each is announced by a
	 * {@link SeriesDeleted} event, as a single delete is.
	 */
	@Transactional
	public void deleteAll(List<Long> ids) {
		for (long id : ids) {
			this.events.publishEvent(new SeriesDeleted(id));
		}
		this.jdbc.update("delete from series where id = any(?)", (Object) ids.toArray(new Long[0]));
	}

}
