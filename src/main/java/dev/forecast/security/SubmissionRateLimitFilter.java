package dev.forecast.security;

import java.io.IOException;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.forecast.error.TooManyRequestsException;
import dev.forecast.training.QuotaProperties;
import dev.forecast.web.DispatchPaths;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Rate-limits training submissions per API key with a Bucket4j token bucket: at most
 * {@code trainSubmissions} per {@code trainSubmissionsPeriod}, refilled greedily. Runs
 * after authentication, so only callers allowed to submit spend tokens.
 */
class SubmissionRateLimitFilter extends OncePerRequestFilter {

	private static final DispatchPaths SUBMISSIONS = DispatchPaths.of("/train", "/tune");

	private final QuotaProperties quota;

	private final HandlerExceptionResolver resolver;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	SubmissionRateLimitFilter(QuotaProperties quota, HandlerExceptionResolver resolver) {
		this.quota = quota;
		this.resolver = resolver;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !SUBMISSIONS.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Bucket bucket = this.buckets.get(Caller.current(), (key) -> newBucket());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1;
			this.resolver.resolveException(request, response, null,
					new TooManyRequestsException("At most " + this.quota.trainSubmissions()
							+ " training submissions per " + this.quota.trainSubmissionsPeriod().toSeconds()
							+ " s are allowed for this API key (forecast.quota.train-submissions); retry in " + seconds
							+ " s.", seconds));
			return;
		}
		chain.doFilter(request, response);
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.quota.trainSubmissions())
				.refillGreedy(this.quota.trainSubmissions(), this.quota.trainSubmissionsPeriod())
				.build())
			.build();
	}

}
