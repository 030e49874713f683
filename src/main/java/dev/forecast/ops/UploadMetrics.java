package dev.forecast.ops;

import java.io.IOException;
import java.util.regex.Pattern;

import dev.forecast.series.PointsIngested;
import dev.forecast.web.ProblemTitle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Uploads: the points stored ({@code forecast.uploads.points}, counted once their
 * transaction committed) and the uploads refused ({@code forecast.uploads.rejected}, by
 * the title of the problem they were answered with). As a filter it wraps every other
 * one, so a body refused as too large or a request refused by the API-key check counts
 * too.
 */
class UploadMetrics extends OncePerRequestFilter {

	/** {@code POST /series} and {@code POST /series/{id}/points}. */
	private static final Pattern UPLOAD = Pattern.compile("/series(/[^/]+/points)?/?");

	private final MeterRegistry registry;

	UploadMetrics(MeterRegistry registry) {
		this.registry = registry;
		points("upload");
		points("append");
	}

	@TransactionalEventListener
	void on(PointsIngested ingested) {
		points(ingested.append() ? "append" : "upload").increment(ingested.points());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod()) || !UPLOAD.matcher(path).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			int status = response.getStatus();
			if (status >= 400) {
				Counter.builder("forecast.uploads.rejected")
					.description("Uploads and appends refused, by the title of their problem detail")
					.tag("problem", Tags.problem(problem(request, status)))
					.tag("status", Integer.toString(status))
					.register(this.registry)
					.increment();
			}
		}
	}

	/** The problem's title, or the status's reason phrase for an answer without one. */
	private static String problem(HttpServletRequest request, int status) {
		String title = ProblemTitle.of(request);
		HttpStatus known = HttpStatus.resolve(status);
		return title != null || known == null ? title : known.getReasonPhrase();
	}

	private Counter points(String kind) {
		return Counter.builder("forecast.uploads.points")
			.description("Points stored by uploads of new series and appends")
			.tag("kind", kind)
			.register(this.registry);
	}

}
