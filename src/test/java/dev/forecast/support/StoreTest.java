package dev.forecast.support;

import dev.forecast.series.SeriesProperties;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.stereotype.Repository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Base of the store slice tests: the persistence layer only ({@code @DataJpaTest}: the
 * entities and Spring Data repositories, the {@code @Repository} stores on
 * {@code JdbcClient}, {@code SeriesService} and the clock; no web layer, no worker pool)
 * on the real PostgreSQL of {@link TestDatabase} (never an embedded replacement),
 * migrated by Flyway. Every store test shares this one configuration, so they share one
 * application context.
 * <p>
 * No test transaction wraps a test: every store call commits in its own transaction, as
 * it does in the application. Tests create their own data and never assume an empty
 * database.
 */
@DataJpaTest(showSql = false,
		includeFilters = { @ComponentScan.Filter(Repository.class),
				@ComponentScan.Filter(type = FilterType.REGEX,
						pattern = { "dev\\.forecast\\.series\\.SeriesService",
								"dev\\.forecast\\.config\\.ClockConfiguration" }) })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@EnableConfigurationProperties(SeriesProperties.class)
public abstract class StoreTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.Connection db = TestDatabase.get();
		registry.add("spring.datasource.url", db::url);
		registry.add("spring.datasource.username", db::user);
		registry.add("spring.datasource.password", db::password);
	}

}
