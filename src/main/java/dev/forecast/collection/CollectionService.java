package dev.forecast.collection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.forecast.error.ApiException;
import dev.forecast.error.BadRequestException;
import dev.forecast.error.PayloadTooLargeException;
import dev.forecast.series.Frequency;
import dev.forecast.series.LongTable;
import dev.forecast.series.Series;
import dev.forecast.series.SeriesBatch;
import dev.forecast.series.SeriesService;
import dev.forecast.series.TimeFormat;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, appends to, reads and deletes collections. An upload or append is one
 * transaction: a problem with any member stores nothing. New ids become new series in
 * bulk ({@link SeriesBatch}); points for existing members are appended as {@code POST
 * /series/{id}/points} would.
 */
@Service
class CollectionService {

	static final String MAX_ROWS = "forecast.collection.max-upload-rows";

	private final CollectionStore store;

	private final SeriesBatch batch;

	private final SeriesService series;

	private final CollectionProperties properties;

	private final Clock clock;

	CollectionService(CollectionStore store, SeriesBatch batch, SeriesService series, CollectionProperties properties,
			Clock clock) {
		this.store = store;
		this.batch = batch;
		this.series = series;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	public CollectionResponse create(String name, LongTable table) {
		if (name.length() > 200) {
			throw BadRequestException.invalid("name", "must be at most 200 characters");
		}
		checkMembers(table.members().size());
		long id = this.store.create(name, this.clock.instant());
		addNew(id, table.members());
		return CollectionResponse.of(row(id), new CollectionResponse.Upload(table.rows(), table.members().size(), 0));
	}

	/**
	 * Appends each id's points to its member series, and makes new ids new members.
	 */
	@Transactional
	public CollectionResponse append(long id, LongTable table) {
		if (!this.store.lock(id)) {
			throw new CollectionNotFoundException(id);
		}
		Map<String, Long> existing = this.store.memberMap(id);
		List<LongTable.Member> added = new ArrayList<>();
		int appended = 0;
		for (LongTable.Member member : table.members()) {
			Long seriesId = existing.get(member.id());
			if (seriesId == null) {
				added.add(member);
				continue;
			}
			try {
				this.series.append(seriesId, member.series());
			}
			catch (ApiException ex) {
				throw new MemberException(member.id(), ex);
			}
			appended++;
		}
		checkMembers(existing.size() + added.size());
		addNew(id, added);
		this.store.touch(id, this.clock.instant());
		return CollectionResponse.of(row(id), new CollectionResponse.Upload(table.rows(), added.size(), appended));
	}

	@Transactional(readOnly = true)
	public CollectionDetail get(long id, int page, int size) {
		CollectionStore.Row row = row(id);
		List<CollectionStore.Member> members = this.store.members(id, page, size);
		List<Series> found = this.batch.find(members.stream().map(CollectionStore.Member::seriesId).toList());
		List<CollectionDetail.Member> items = new ArrayList<>(found.size());
		int f = 0;
		for (CollectionStore.Member member : members) {
			if (f < found.size() && found.get(f).getId() == member.seriesId()) {
				items.add(member(member.key(), found.get(f++)));
			}
		}
		return new CollectionDetail(row.id(), row.name(), row.createdAt(), row.updatedAt(), items, page, size,
				row.members());
	}

	@Transactional(readOnly = true)
	public CollectionPage list(int page, int size) {
		List<CollectionResponse> items = this.store.list(page, size)
			.stream()
			.map(row -> CollectionResponse.of(row, null))
			.toList();
		return new CollectionPage(items, page, size, this.store.count());
	}

	/** Every member in the order they joined; 404 for an unknown collection. */
	@Transactional(readOnly = true)
	public List<CollectionStore.Member> members(long id) {
		row(id);
		return this.store.members(id);
	}

	/** Deletes the collection and its member series (with their runs and models). */
	@Transactional
	public void delete(long id) {
		if (!this.store.lock(id)) {
			throw new CollectionNotFoundException(id);
		}
		this.batch.deleteAll(this.store.members(id).stream().map(CollectionStore.Member::seriesId).toList());
		this.store.delete(id);
	}

	private void addNew(long id, List<LongTable.Member> members) {
		if (members.isEmpty()) {
			return;
		}
		List<String> keys = members.stream().map(LongTable.Member::id).toList();
		for (String key : keys) {
			if (key.length() > 200) {
				throw BadRequestException.invalid("id",
						"'" + key.substring(0, 20) + "...' is longer than 200 characters");
			}
		}
		List<Long> ids = this.batch.createAll(keys, members.stream().map(LongTable.Member::series).toList());
		this.store.addMembers(id, keys, ids);
	}

	private void checkMembers(long members) {
		if (members > this.properties.maxMembers()) {
			throw new PayloadTooLargeException(
					"The collection would hold " + members + " series, more than the limit of "
							+ this.properties.maxMembers() + " (forecast.collection.max-members).");
		}
	}

	private CollectionStore.Row row(long id) {
		return this.store.find(id).orElseThrow(() -> new CollectionNotFoundException(id));
	}

	private static CollectionDetail.Member member(String key, Series series) {
		Frequency frequency = series.getFrequency();
		return new CollectionDetail.Member(key, series.getId(), series.getLength(),
				TimeFormat.format(series.getStart(), series.isDateOnly()),
				TimeFormat.format(series.getEnd(), series.isDateOnly()), frequency == null ? null : frequency.code(),
				series.getGaps());
	}

}
