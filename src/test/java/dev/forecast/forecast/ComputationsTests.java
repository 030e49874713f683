package dev.forecast.forecast;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.forecast.error.DeadlineExceededException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.async.WebAsyncTask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A running computation stops at its next check when the service stops (SIGTERM),
 * whatever its deadline.
 */
class ComputationsTests {

	private static final ForecastProperties PROPERTIES = new ForecastProperties(1000, 1000, 10_000, 100_000, 100_000,
			1000, 100, 2_000_000_000L, Duration.ofHours(1));

	@Test
	void stoppingTheServiceStopsARunningComputation() throws Exception {
		Computations computations = new Computations(PROPERTIES);
		computations.start();
		CountDownLatch running = new CountDownLatch(1);
		WebAsyncTask<Long> task = computations.submit("Endless", new MockHttpServletRequest(),
				work -> endless(work, running));
		ExecutorService thread = Executors.newSingleThreadExecutor();
		Future<?> result = thread.submit(task.getCallable());
		assertThat(running.await(1, TimeUnit.MINUTES)).isTrue();

		computations.stop();

		assertThatThrownBy(() -> result.get(1, TimeUnit.MINUTES)).hasCauseInstanceOf(DeadlineExceededException.class)
			.hasMessageContaining("shutting down");
		assertThat(computations.stoppedCount()).isEqualTo(1);
		thread.shutdown();
	}

	private static long endless(Computation work, CountDownLatch running) {
		long origins = 0;
		while (true) {
			work.check();
			origins++;
			running.countDown();
		}
	}

}
