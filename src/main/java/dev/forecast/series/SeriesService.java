package dev.forecast.series;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import dev.forecast.error.BadRequestException;
import dev.forecast.error.ConflictException;
import dev.forecast.error.PayloadTooLargeException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores, appends, reads and deletes series. Each write is one transaction, so a failed
 * upload stores nothing and a failed append leaves the series as it was.
 */
@Service
public class SeriesService {

	private final SeriesRepository repository;

	private final PointStore points;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SeriesProperties properties;

	SeriesService(SeriesRepository repository, PointStore points, ApplicationEventPublisher events, Clock clock,
			SeriesProperties properties) {
		this.repository = repository;
		this.points = points;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	@Transactional
	public Series create(String name, ParsedSeries parsed) {
		if (name.length() > 200) {
			throw BadRequestException.invalid("name", "must be at most 200 characters");
		}
		checkLength(parsed.points().size());
		FrequencyInference.Result inferred = FrequencyInference.infer(parsed.points());
		Series series = this.repository.save(new Series(name, parsed, inferred, this.clock.instant()));
		this.points.append(series.getId(), 0, parsed.points());
		this.events.publishEvent(new PointsIngested(parsed.points().size(), false));
		return series;
	}

	/**
	 * Adds points after the last stored one; {@code 409} when they overlap what is
	 * stored.
	 */
	@Transactional
	public Series append(long id, ParsedSeries parsed) {
		Series series = this.repository.findForUpdate(id).orElseThrow(() -> SeriesNotFoundException.forId(id));
		Observations added = parsed.points();
		if (added.time(0).compareTo(series.getEnd()) <= 0) {
			throw new ConflictException("Points overlap the series",
					"The first appended point (" + TimeFormat.format(added.time(0), series.isDateOnly())
							+ ") is not after the last stored one ("
							+ TimeFormat.format(series.getEnd(), series.isDateOnly()) + "); send only newer points.");
		}
		long length = series.getLength();
		checkLength(length + added.size());
		FrequencyInference.Result inferred = null;
		long newGaps = 0;
		Frequency frequency = series.getFrequency();
		if (frequency != null) {
			newGaps = FrequencyInference.gaps(frequency, series.getStart(), withPrevious(series.getEnd(), added));
		}
		if (frequency == null || newGaps < 0) {
			// what an upload of the whole series would infer; a regular series never
			// silently loses its calendar
			inferred = FrequencyInference.infer(concat(this.points.readAll(id, length), added));
			if (frequency != null && inferred.frequency() == null) {
				throw AppendCalendar.offCalendar(series, frequency, added);
			}
		}
		series.append(added, inferred, Math.max(0, newGaps), this.clock.instant());
		this.points.append(id, length, added);
		this.repository.flush();
		this.events.publishEvent(new PointsIngested(added.size(), true));
		return series;
	}

	@Transactional(readOnly = true)
	public Series get(long id) {
		return this.repository.findById(id).orElseThrow(() -> SeriesNotFoundException.forId(id));
	}

	@Transactional(readOnly = true)
	public List<Series> list(int page, int size) {
		return this.repository
			.findAll(PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))))
			.getContent();
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.repository.count();
	}

	/**
	 * Every point of a series, for training and backtests; 404 when it is deleted
	 * meanwhile.
	 */
	@Transactional(readOnly = true)
	public Observations points(long id) {
		Series series = get(id);
		return complete(id, this.points.readAll(id, series.getLength()), series.getLength());
	}

	/**
	 * The values of every member of a collection in member order (empty for an unknown or
	 * empty collection), read in one consistent snapshot: what a global model trains on.
	 */
	@Transactional(readOnly = true)
	public List<double[]> collectionValues(long collectionId) {
		return this.points.readCollectionValues(collectionId);
	}

	/**
	 * The last {@code count} points of a series (fewer when it is shorter), as of the
	 * metadata in {@code series}: points appended since are left out, and a series
	 * deleted since is a 404.
	 */
	@Transactional(readOnly = true)
	public Observations tail(SeriesView series, int count) {
		Observations tail = this.points.readTail(series.id(), series.length(), count);
		return complete(series.id(), tail, Math.min(count, series.length()));
	}

	@Transactional(readOnly = true)
	public Observations range(long id, LocalDateTime from, LocalDateTime to, int limit) {
		get(id);
		Observations range = this.points.readRange(id, from, to, limit);
		if (range.size() == 0) {
			get(id); // deleted while it was read: 404 rather than an empty answer
		}
		return range;
	}

	/**
	 * {@code read} when it holds the {@code expected} points; fewer means the series'
	 * points went away after its metadata was read (a concurrent delete), which is a 404
	 * and never a short read.
	 */
	private static Observations complete(long id, Observations read, long expected) {
		if (read.size() < expected) {
			throw SeriesNotFoundException.forId(id);
		}
		return read;
	}

	/**
	 * Deletes a series with its points; features holding data of it are told by a
	 * {@link SeriesDeleted} event.
	 */
	@Transactional
	public void delete(long id) {
		Series series = get(id);
		this.events.publishEvent(new SeriesDeleted(id));
		this.repository.delete(series);
	}

	private void checkLength(long length) {
		if (length > this.properties.maxPoints()) {
			throw new PayloadTooLargeException("The series would hold " + length + " points, more than the limit of "
					+ this.properties.maxPoints() + " (forecast.series.max-points).");
		}
	}

	private static Observations withPrevious(LocalDateTime previous, Observations added) {
		long[] times = new long[added.size() + 1];
		double[] values = new double[added.size() + 1];
		times[0] = Observations.toEpochSecond(previous);
		System.arraycopy(added.times(), 0, times, 1, added.size());
		System.arraycopy(added.values(), 0, values, 1, added.size());
		return new Observations(times, values);
	}

	private static Observations concat(Observations a, Observations b) {
		ObservationsBuilder out = new ObservationsBuilder(a.size() + b.size());
		for (int i = 0; i < a.size(); i++) {
			out.add(a.times()[i], a.values()[i]);
		}
		for (int i = 0; i < b.size(); i++) {
			out.add(b.times()[i], b.values()[i]);
		}
		return out.build();
	}

}
