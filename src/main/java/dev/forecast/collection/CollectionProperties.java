package dev.forecast.collection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of collections ({@code forecast.collection.*}).
 *
 * @param maxMembers most series a collection may hold; uploads and appends beyond it get
 * 413
 * @param maxUploadRows most data rows of one upload or append; more get 413
 * @param maxPageSize largest {@code size} of a page of collections or members
 * @param threads threads computing a collection's forecasts and backtests, shared by all
 * requests ({@code 0}: two per core, as each member waits on the database about as long
 * as it computes)
 */
@Validated
@ConfigurationProperties("forecast.collection")
public record CollectionProperties(@DefaultValue("10000") @Min(1) int maxMembers,
		@DefaultValue("5000000") @Min(1) long maxUploadRows, @DefaultValue("500") @Min(1) @Max(10_000) int maxPageSize,
		@DefaultValue("0") @Min(0) @Max(256) int threads) {

	int threadCount() {
		return this.threads > 0 ? this.threads : 2 * Runtime.getRuntime().availableProcessors();
	}

}
