package dev.forecast.series;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A stored time series: its metadata and running statistics. Points live in
 * {@link PointStore}.
 */
@Entity
@Table(name = "series")
public class Series {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private long length;

	@Column(name = "start_time")
	private LocalDateTime start;

	@Column(name = "end_time")
	private LocalDateTime end;

	private String frequency;

	private boolean monthEnd;

	private boolean dateOnly;

	private long gaps;

	private double mean;

	private double m2;

	@Column(name = "min_value")
	private double min;

	@Column(name = "max_value")
	private double max;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Series() {
	}

	Series(String name, ParsedSeries parsed, FrequencyInference.Result inferred, Instant now) {
		Observations points = parsed.points();
		this.name = name;
		this.dateOnly = parsed.dateOnly();
		this.start = points.time(0);
		this.length = 0;
		this.createdAt = now;
		setFrequency(inferred.frequency());
		this.gaps = inferred.gaps();
		apply(points, SeriesStats.of(points.values()), now);
	}

	/**
	 * Adds points that follow the last stored one: with the frequency and gaps inferred
	 * anew for the whole series when {@code inferred} is given, else with the
	 * {@code newGaps} they bring.
	 */
	void append(Observations points, FrequencyInference.Result inferred, long newGaps, Instant now) {
		if (inferred != null) {
			setFrequency(inferred.frequency());
			this.gaps = inferred.gaps();
		}
		else {
			this.gaps += newGaps;
		}
		this.dateOnly = this.dateOnly && allMidnight(points);
		apply(points, stats().combine(SeriesStats.of(points.values())), now);
	}

	private void apply(Observations points, SeriesStats stats, Instant now) {
		this.length += points.size();
		this.end = points.time(points.size() - 1);
		this.mean = stats.mean();
		this.m2 = stats.m2();
		this.min = stats.min();
		this.max = stats.max();
		this.updatedAt = now;
	}

	private void setFrequency(Frequency frequency) {
		this.frequency = frequency == null ? null : frequency.code();
		this.monthEnd = frequency != null && frequency.monthEnd();
	}

	private static boolean allMidnight(Observations points) {
		for (long t : points.times()) {
			if (t % 86_400 != 0) {
				return false;
			}
		}
		return true;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public long getLength() {
		return this.length;
	}

	public LocalDateTime getStart() {
		return this.start;
	}

	public LocalDateTime getEnd() {
		return this.end;
	}

	/** The inferred step, or {@code null} for an irregular series. */
	public Frequency getFrequency() {
		if (this.frequency == null) {
			return null;
		}
		Frequency parsed = Frequency.parse(this.frequency, null);
		return parsed.isCalendar() ? new Frequency(parsed.kind(), null, this.monthEnd) : parsed;
	}

	public boolean isDateOnly() {
		return this.dateOnly;
	}

	public long getGaps() {
		return this.gaps;
	}

	public SeriesStats stats() {
		return new SeriesStats(this.length, this.mean, this.m2, this.min, this.max);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
