package dev.forecast.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import dev.forecast.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Collections in a real browser: upload a long CSV through the page, page through its
 * members, pick one to see it with a forecast, and evaluate every member.
 */
class DashboardCollectionsBrowserIntegrationTests extends IntegrationTest {

	private static final Duration SHORT = Duration.ofSeconds(20);

	private static Browser browser;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void uploadPickAMemberAndEvaluateTheCollection(@TempDir Path dir) throws IOException {
		StringBuilder csv = new StringBuilder("unique_id,ds,y\n");
		for (int s = 0; s < 25; s++) {
			for (int i = 0; i < 30; i++) {
				csv.append(String.format(Locale.ROOT, "S%02d,%d-%02d-01,%.2f%n", s, 2020 + i / 12, i % 12 + 1,
						10 + s + i * 0.3 + 3 * Math.sin(i * Math.PI / 6)));
			}
		}
		Path file = dir.resolve("stores.csv");
		Files.writeString(file, csv);

		browser.open("http://127.0.0.1:" + this.port + "/");
		browser.await(SHORT, "the page loads",
				(d) -> "true".equals(browser.find("body").getDomAttribute("data-ready")));
		browser.find("#collection-file").sendKeys(file.toAbsolutePath().toString());
		browser.await(SHORT, "the upload succeeds",
				(d) -> browser.find("#collection-status").getText().startsWith("Uploaded"));
		assertThat(browser.find("#collection-status").getText()).contains("25 series").contains("750 rows");
		browser.await(SHORT, "the members are listed", (d) -> browser.find("#collection-card").isDisplayed());
		assertThat(browser.driver().findElements(By.cssSelector("#collection-members tbody tr"))).hasSize(20);
		assertThat(browser.find("#collection-title").getText()).isEqualTo("Collection stores");
		browser.find("#collection-next").click();
		browser.await(SHORT, "the second page",
				(d) -> d.findElements(By.cssSelector("#collection-members tbody tr")).size() == 5);
		browser.screenshot("collections-1-members");

		// a member is shown as a series, with a forecast of the form's method
		browser.find("#collection-members tbody tr:first-child button").click();
		browser.await(SHORT, "the member's chart",
				(d) -> "true".equals(browser.find("#series-chart").getDomAttribute("data-drawn")));
		assertThat(browser.find("#series-title").getText()).isEqualTo("S20");
		browser.await(SHORT, "its forecast", (d) -> !d.findElements(By.cssSelector("#forecast-list li")).isEmpty());
		browser.screenshot("collections-2-member");

		// every member backtested, summarized per method
		browser.find("#collection-evaluation-form [name=holdout]").sendKeys("6");
		browser.find("#collection-evaluate").click();
		WebElement best = browser.await(Duration.ofSeconds(90), "the evaluation table",
				(d) -> d.findElements(By.cssSelector("#collection-evaluation-table tr.best"))
					.stream()
					.findFirst()
					.orElse(null));
		assertThat(best.getText()).contains("best").contains("25");
		assertThat(browser.driver().findElements(By.cssSelector("#collection-evaluation-table tbody tr"))).hasSize(3);
		browser.screenshot("collections-3-evaluation");
	}

}
