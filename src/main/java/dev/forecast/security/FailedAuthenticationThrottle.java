package dev.forecast.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.forecast.error.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Failed authentications per client address, with a Bucket4j token bucket of
 * {@code forecast.security.failed-authentications-per-minute}: once an address has spent
 * it, every request of it presenting a key is answered 429 (without looking the key up)
 * until the bucket refills, so keys cannot be guessed faster than that.
 */
class FailedAuthenticationThrottle {

	private final int perMinute;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	FailedAuthenticationThrottle(int perMinute) {
		this.perMinute = perMinute;
	}

	/** Throws the 429 when {@code address} has no failed authentication left. */
	void checkAllowed(String address) {
		Bucket bucket = this.buckets.getIfPresent(address);
		if (bucket != null && bucket.getAvailableTokens() <= 0) {
			throw tooMany(bucket);
		}
	}

	/**
	 * Counts a failed authentication of {@code address}; throws the 429 when it is one
	 * too many.
	 */
	void failed(String address) {
		Bucket bucket = this.buckets.get(address, (key) -> newBucket());
		if (!bucket.tryConsume(1)) {
			throw tooMany(bucket);
		}
	}

	private TooManyRequestsException tooMany(Bucket bucket) {
		long seconds = Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()).toSeconds() + 1;
		return new TooManyRequestsException("Too many failed authentications from this address: at most "
				+ this.perMinute + " per minute (forecast.security.failed-authentications-per-minute); retry in "
				+ seconds + " s with a valid key.", seconds);
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.perMinute)
				.refillGreedy(this.perMinute, Duration.ofMinutes(1))
				.build())
			.build();
	}

}
