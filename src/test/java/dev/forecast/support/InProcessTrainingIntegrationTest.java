package dev.forecast.support;

import org.springframework.test.context.TestPropertySource;

/**
 * Base of the integration tests that train runs to serve, tune or show them, not to test
 * where a run trains: the same application as {@link IntegrationTest}, but its workers
 * train on their own thread ({@code forecast.worker.isolation=thread}) instead of
 * starting a JVM per run, which costs seconds of CPU each and made most of these tests'
 * time. Every subclass shares this second application context.
 * <p>
 * The default, a training process per run, stays covered end to end by the tests of
 * training and jobs ({@code TrainingIntegrationTests},
 * {@code CollectionTrainingIntegrationTests}, {@code DatabaseFaultIntegrationTests},
 * {@code MemorySafeTrainingIntegrationTests}) and by
 * {@code OperationsMetricsIntegrationTests}: both paths train with the same
 * {@code InProcessTrainer}. The queue's tests ({@code RunQueueIntegrationTests}: claims,
 * deaths, recovery) and the toolbox's (options reaching the training) train here.
 */
@TestPropertySource(properties = "forecast.worker.isolation=thread")
public abstract class InProcessTrainingIntegrationTest extends IntegrationTest {

}
