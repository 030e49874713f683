package dev.forecast.training;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of training specs ({@code forecast.training.*}); specs outside them get 400
 * naming the field.
 *
 * @param maxEpochs largest {@code epochs}
 * @param maxBatchSize largest {@code batchSize}
 * @param maxWindow largest {@code window}
 * @param maxHorizon largest {@code horizon}
 * @param maxUnits largest {@code units}
 * @param minValidation smallest {@code validation} (it is also at least {@code horizon})
 * @param maxListSize most runs one {@code GET /runs} returns
 * @param maxEpochWindows largest {@code epochs} times the number of training windows of a
 * run
 */
@Validated
@ConfigurationProperties("forecast.training")
public record TrainingProperties(@DefaultValue("1000") @Min(1) int maxEpochs,
		@DefaultValue("4096") @Min(1) int maxBatchSize, @DefaultValue("1000") @Min(1) int maxWindow,
		@DefaultValue("365") @Min(1) int maxHorizon, @DefaultValue("512") @Min(1) int maxUnits,
		@DefaultValue("1") @Min(1) int minValidation, @DefaultValue("200") @Min(1) int maxListSize,
		@DefaultValue("5000000") @Min(1) long maxEpochWindows) {
}
