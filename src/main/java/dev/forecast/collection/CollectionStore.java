package dev.forecast.collection;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The collections and their members (see the V9 migration): plain JDBC, members written
 * in one batch.
 */
@Repository
class CollectionStore {

	private static final String SELECT = "select c.id, c.name, c.created_at, c.updated_at, "
			+ "(select count(*) from collection_member m where m.collection_id = c.id) as members from collection c";

	private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getLong(1), rs.getString(2),
			rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getLong(5));

	private final JdbcTemplate jdbc;

	CollectionStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A collection and its member count. */
	record Row(long id, String name, Instant createdAt, Instant updatedAt, long members) {
	}

	/** A member: its id in the uploads and its series. */
	record Member(String key, long seriesId) {
	}

	long create(String name, Instant now) {
		Timestamp at = Timestamp.from(now);
		return this.jdbc.queryForObject(
				"insert into collection (name, created_at, updated_at) values (?, ?, ?) returning id", Long.class, name,
				at, at);
	}

	Optional<Row> find(long id) {
		return this.jdbc.query(SELECT + " where c.id = ?", ROW, id).stream().findFirst();
	}

	/**
	 * Locks the collection's row until the transaction ends; false when there is none.
	 */
	boolean lock(long id) {
		return !this.jdbc.queryForList("select id from collection where id = ? for update", Long.class, id).isEmpty();
	}

	List<Row> list(int page, int size) {
		return this.jdbc.query(SELECT + " order by c.created_at desc, c.id desc limit ? offset ?", ROW, size,
				(long) page * size);
	}

	long count() {
		return this.jdbc.queryForObject("select count(*) from collection", Long.class);
	}

	/** Every member, in the order they joined. */
	List<Member> members(long id) {
		return this.jdbc.query(
				"select member_key, series_id from collection_member where collection_id = ? order by position",
				(rs, i) -> new Member(rs.getString(1), rs.getLong(2)), id);
	}

	/** Every member by its key, in the order they joined. */
	Map<String, Long> memberMap(long id) {
		Map<String, Long> map = new LinkedHashMap<>();
		for (Member member : members(id)) {
			map.put(member.key(), member.seriesId());
		}
		return map;
	}

	List<Member> members(long id, int page, int size) {
		return this.jdbc.query(
				"select member_key, series_id from collection_member where collection_id = ? order by position "
						+ "limit ? offset ?",
				(rs, i) -> new Member(rs.getString(1), rs.getLong(2)), id, size, (long) page * size);
	}

	void addMembers(long id, List<String> keys, List<Long> seriesIds) {
		Integer last = this.jdbc.queryForObject("select max(position) from collection_member where collection_id = ?",
				Integer.class, id);
		int next = last == null ? 0 : last + 1;
		Integer[] positions = new Integer[keys.size()];
		for (int i = 0; i < positions.length; i++) {
			positions[i] = next + i;
		}
		// one statement for every member: the key, series and position columns as arrays
		this.jdbc.update(con -> {
			PreparedStatement statement = con
				.prepareStatement("insert into collection_member (collection_id, member_key, series_id, position) "
						+ "select ?, * from unnest(?::varchar[], ?::bigint[], ?::integer[])");
			statement.setLong(1, id);
			statement.setArray(2, con.createArrayOf("varchar", keys.toArray(new String[0])));
			statement.setArray(3, con.createArrayOf("int8", seriesIds.toArray(new Long[0])));
			statement.setArray(4, con.createArrayOf("int4", positions));
			return statement;
		});
	}

	void touch(long id, Instant now) {
		this.jdbc.update("update collection set updated_at = ? where id = ?", Timestamp.from(now), id);
	}

	void delete(long id) {
		this.jdbc.update("delete from collection where id = ?", id);
	}

}
