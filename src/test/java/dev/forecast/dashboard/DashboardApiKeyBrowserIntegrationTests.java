package dev.forecast.dashboard;

import java.time.Duration;

import dev.forecast.support.KeyedIntegrationTest;
import dev.forecast.support.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With API keys configured the page asks for one, sends it as X-API-Key and says when its
 * scope is too small.
 */
// the keys dash-read-key and dash-write-key of KeyedIntegrationTest
class DashboardApiKeyBrowserIntegrationTests extends KeyedIntegrationTest {

	private static final Duration SHORT = Duration.ofSeconds(15);

	@LocalServerPort
	private int port;

	@Test
	void thePageAsksForAKeyAndUsesIt() {
		var request = http().request("/series")
			.header("X-API-Key", "dash-write-key")
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("{\"name\": \"keyed-dashboard\", \"start\": \"2024-01-01\", \"frequency\": \"DAILY\", "
						+ "\"values\": [5, 7, 6, 8, 9, 7, 8, 10, 9, 11]}"));
		Response created = http().send(request);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		try (Browser browser = Browser.start()) {
			browser.open("http://127.0.0.1:" + this.port + "/");
			browser.await(SHORT, "the page asks for a key", (d) -> browser.find("#auth-prompt").isDisplayed());
			assertThat(browser.find("#auth-prompt").getText()).contains("needs an API key");
			browser.screenshot("5-api-key-needed");

			browser.find("#api-key").sendKeys("dash-read-key");
			browser.find("#key-form button[type=submit]").click();
			browser.await(SHORT, "the series list loads with the key",
					(d) -> browser.find("#series-list").getText().contains("keyed-dashboard"));
			assertThat(browser.find("#auth-prompt").isDisplayed()).isFalse();
			assertThat(browser.script("return sessionStorage.getItem('forecast.apiKey')")).isEqualTo("dash-read-key");

			browser.find("#series-list li[data-id='" + created.id() + "'] button").click();
			browser.await(SHORT, "the series chart is drawn",
					(d) -> "true".equals(browser.find("#series-chart").getDomAttribute("data-drawn")));

			browser.find("#delete-series").click();
			browser.driver().switchTo().alert().accept();
			browser.await(SHORT, "a read key may not delete", (d) -> browser.find("#auth-prompt").isDisplayed());
			assertThat(browser.find("#auth-prompt").getText()).contains("write scope");
			assertThat(browser.driver().findElements(By.cssSelector("#series-list li[data-id='" + created.id() + "']")))
				.hasSize(1);
		}
	}

}
