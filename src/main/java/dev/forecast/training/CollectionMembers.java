package dev.forecast.training;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What training and serving need to know of a collection, read in SQL from its tables:
 * whether it exists, its members' lengths and frequencies, and whether a series is a
 * member. {@code training} reads them here rather than through the {@code collection}
 * package, which depends on {@code forecast} and so (through it) on {@code training}.
 */
@Repository
public class CollectionMembers {

	private final JdbcClient jdbc;

	CollectionMembers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One member: its series, length and frequency code ({@code null}: none). */
	record Member(long seriesId, long length, String frequency) {
	}

	/**
	 * The members of a collection in member order, empty when there is no such
	 * collection.
	 */
	@Transactional(readOnly = true)
	Optional<List<Member>> members(long collectionId) {
		if (!exists(collectionId)) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc.sql("""
				select s.id, s.length, s.frequency from collection_member m join series s on s.id = m.series_id
				 where m.collection_id = ? order by m.position
				""")
			.param(collectionId)
			.query((rs, n) -> new Member(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list());
	}

	@Transactional(readOnly = true)
	boolean exists(long collectionId) {
		return this.jdbc.sql("select exists (select 1 from collection where id = ?)")
			.param(collectionId)
			.query(Boolean.class)
			.single();
	}

	/** Whether {@code seriesId} is a member of {@code collectionId}. */
	@Transactional(readOnly = true)
	public boolean isMember(long collectionId, long seriesId) {
		return this.jdbc
			.sql("select exists (select 1 from collection_member where collection_id = ? and series_id = ?)")
			.params(collectionId, seriesId)
			.query(Boolean.class)
			.single();
	}

	/** The collection {@code seriesId} is a member of, if any. */
	@Transactional(readOnly = true)
	public Optional<Long> collectionOf(long seriesId) {
		return this.jdbc.sql("select collection_id from collection_member where series_id = ?")
			.param(seriesId)
			.query(Long.class)
			.optional();
	}

}
