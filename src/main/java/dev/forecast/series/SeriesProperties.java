package dev.forecast.series;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of series uploads and reads ({@code forecast.series.*}).
 *
 * @param maxUploadSize largest accepted upload body (CSV, JSON or multipart); larger ones
 * get 413
 * @param maxPageSize largest {@code size} of a {@code GET /series} page
 * @param maxPoints most points a series may hold (uploads and appends beyond it get 413)
 */
@Validated
@ConfigurationProperties("forecast.series")
public record SeriesProperties(@DefaultValue("50MB") DataSize maxUploadSize,
		@DefaultValue("500") @Min(1) @Max(10_000) int maxPageSize, @DefaultValue("5000000") @Min(1) long maxPoints) {
}
