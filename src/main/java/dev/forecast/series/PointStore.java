package dev.forecast.series;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Stores the points of a series in chunks of consecutive observations (see V1 migration):
 * bulk writes are one JDBC batch of a few hundred rows, and reads decode whole chunks,
 * touching only those that overlap the wanted range or tail.
 */
@Repository
public class PointStore {

	/** Points per chunk: 64 KiB of payload per row. */
	static final int CHUNK = 4096;

	private static final String COLUMNS = "start_index, n, times, vals";

	private final JdbcTemplate jdbc;

	public PointStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes {@code points} as chunks following the series' {@code length} stored points.
	 */
	void append(long seriesId, long length, Observations points) {
		Integer last = this.jdbc.queryForObject("select max(seq) from series_chunk where series_id = ?", Integer.class,
				seriesId);
		int firstSeq = last == null ? 0 : last + 1;
		List<Object[]> rows = new ArrayList<>();
		addRows(rows, seriesId, firstSeq, length, points);
		this.jdbc.batchUpdate(INSERT, rows);
	}

	static final String INSERT = "insert into series_chunk (series_id, seq, start_index, n, first_time, last_time, "
			+ "times, vals) values (?, ?, ?, ?, ?, ?, ?, ?)";

	/**
	 * Adds to {@code rows} the {@link #INSERT} parameters of the chunks holding
	 * {@code points}, numbered from {@code firstSeq}, after {@code length} stored points.
	 */
	static void addRows(List<Object[]> rows, long seriesId, int firstSeq, long length, Observations points) {
		int chunks = (points.size() + CHUNK - 1) / CHUNK;
		for (int c = 0; c < chunks; c++) {
			int from = c * CHUNK;
			int to = Math.min(points.size(), from + CHUNK);
			rows.add(new Object[] { seriesId, firstSeq + c, length + from, to - from,
					Timestamp.valueOf(points.time(from)), Timestamp.valueOf(points.time(to - 1)),
					encode(points.times(), from, to), encode(points.values(), from, to) });
		}
	}

	/**
	 * The first {@code length} points of the series (all of them when read with the
	 * stored length), in time order; points appended since {@code length} was read are
	 * left out.
	 */
	public Observations readAll(long seriesId, long length) {
		ObservationsBuilder out = new ObservationsBuilder((int) length);
		this.jdbc.query("select " + COLUMNS + " from series_chunk where series_id = ? and start_index < ? order by seq",
				(RowCallbackHandler) rs -> decode(rs, out, 0, length, Long.MIN_VALUE, Long.MAX_VALUE,
						Integer.MAX_VALUE),
				seriesId, length);
		return out.build();
	}

	/**
	 * The values of every member of a collection, in member order, each up to the length
	 * stored with its series, in one query (what a global model trains on).
	 */
	public List<double[]> readCollectionValues(long collectionId) {
		List<double[]> members = new ArrayList<>();
		long[] current = { Long.MIN_VALUE };
		this.jdbc.query("""
				select s.id, s.length, c.start_index, c.n, c.vals
				  from collection_member m join series s on s.id = m.series_id
				  join series_chunk c on c.series_id = s.id and c.start_index < s.length
				 where m.collection_id = ? order by m.position, c.seq
				""", (RowCallbackHandler) rs -> {
			long length = rs.getLong(2);
			if (rs.getLong(1) != current[0]) {
				current[0] = rs.getLong(1);
				members.add(new double[(int) length]);
			}
			double[] values = members.get(members.size() - 1);
			long start = rs.getLong(3);
			int n = (int) Math.min(rs.getInt(4), length - start);
			ByteBuffer.wrap(rs.getBytes(5)).asDoubleBuffer().get(values, (int) start, n);
		}, collectionId);
		return members;
	}

	/**
	 * The last {@code count} points of a series of {@code length} points; points appended
	 * since {@code length} was read are left out.
	 */
	public Observations readTail(long seriesId, long length, int count) {
		long from = Math.max(0, length - count);
		ObservationsBuilder out = new ObservationsBuilder((int) Math.min(count, length));
		this.jdbc.query(
				"select " + COLUMNS + " from series_chunk where series_id = ? and start_index + n > ? "
						+ "and start_index < ? order by seq",
				(RowCallbackHandler) rs -> decode(rs, out, from, length, Long.MIN_VALUE, Long.MAX_VALUE,
						Integer.MAX_VALUE),
				seriesId, from, length);
		return out.build();
	}

	/**
	 * Points with {@code from <= t <= to} (either bound may be null), at most
	 * {@code limit}.
	 */
	public Observations readRange(long seriesId, LocalDateTime from, LocalDateTime to, int limit) {
		long lo = from == null ? Long.MIN_VALUE : Observations.toEpochSecond(from);
		long hi = to == null ? Long.MAX_VALUE : Observations.toEpochSecond(to);
		String sql = "select " + COLUMNS + " from series_chunk where series_id = ?"
				+ (from == null ? "" : " and last_time >= ?") + (to == null ? "" : " and first_time <= ?")
				+ " order by seq";
		List<Object> args = new ArrayList<>(List.of(seriesId));
		if (from != null) {
			args.add(Timestamp.valueOf(from));
		}
		if (to != null) {
			args.add(Timestamp.valueOf(to));
		}
		ObservationsBuilder out = new ObservationsBuilder(Math.min(limit, 1 << 16));
		this.jdbc.query(con -> {
			PreparedStatement statement = con.prepareStatement(sql);
			for (int i = 0; i < args.size(); i++) {
				statement.setObject(i + 1, args.get(i));
			}
			return statement;
		}, rs -> {
			if (out.size() < limit) {
				decode(rs, out, 0, Long.MAX_VALUE, lo, hi, limit);
			}
		});
		return out.build();
	}

	/**
	 * Adds the points of the current chunk row at fromIndex <= index < toIndex and time
	 * in [lo, hi].
	 */
	private static void decode(ResultSet rs, ObservationsBuilder out, long fromIndex, long toIndex, long lo, long hi,
			int limit) throws SQLException {
		long start = rs.getLong(1);
		int n = rs.getInt(2);
		ByteBuffer times = ByteBuffer.wrap(rs.getBytes(3));
		ByteBuffer values = ByteBuffer.wrap(rs.getBytes(4));
		int skip = (int) Math.max(0, fromIndex - start);
		int end = (int) Math.min(n, toIndex - start);
		for (int i = skip; i < end && out.size() < limit; i++) {
			long t = times.getLong(i * Long.BYTES);
			if (t >= lo && t <= hi) {
				out.add(t, values.getDouble(i * Double.BYTES));
			}
		}
	}

	private static byte[] encode(long[] data, int from, int to) {
		ByteBuffer buffer = ByteBuffer.allocate((to - from) * Long.BYTES);
		buffer.asLongBuffer().put(data, from, to - from);
		return buffer.array();
	}

	private static byte[] encode(double[] data, int from, int to) {
		ByteBuffer buffer = ByteBuffer.allocate((to - from) * Double.BYTES);
		buffer.asDoubleBuffer().put(data, from, to - from);
		return buffer.array();
	}

}
