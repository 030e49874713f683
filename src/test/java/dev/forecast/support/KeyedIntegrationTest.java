package dev.forecast.support;

import org.springframework.test.context.TestPropertySource;

/**
 * Base of the integration tests of a service with API keys: the application of
 * {@link IntegrationTest} with the keys below, small limits (10 points a series, 3 active
 * runs and 5 submissions a caller, 100 windows an epoch, 2 members and 4 uploaded rows a
 * collection) and no worker pool. Every subclass shares this one application context.
 */
@TestPropertySource(properties = {
		"forecast.security.api-keys=read-key-123=read, write-key-456=write, "
				+ "{sha256}5372915705805b76231808126c6338a64d9e8c4c1312239c284c810864493055=write, "
				+ "quota-key-1=write, rate-key-2=write, rate-key-3=write, dash-read-key=read, dash-write-key=write, "
				+ "collections-key-7=write",
		"forecast.worker.enabled=false", "forecast.series.max-points=10", "forecast.quota.max-active-runs=3",
		"forecast.quota.train-submissions=5", "forecast.training.max-epoch-windows=100",
		"forecast.collection.max-members=2", "forecast.collection.max-upload-rows=4",
		// these tests send unknown keys from one address; the throttle itself is
		// FailedAuthenticationThrottleTests'
		"forecast.security.failed-authentications-per-minute=1000" })
public abstract class KeyedIntegrationTest extends IntegrationTest {

}
