package dev.forecast.dashboard;

import java.time.Duration;
import java.util.List;

import dev.forecast.support.InProcessTrainingIntegrationTest;
import dev.forecast.support.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser: upload sunspots through the page, see its chart, draw
 * a naive forecast with its bands, evaluate, read a problem detail, train a tiny model
 * and watch its learning curve appear. Screenshots of each step land in
 * {@code target/screenshots/}.
 */
class DashboardBrowserIntegrationTests extends InProcessTrainingIntegrationTest {

	private static final Duration SHORT = Duration.ofSeconds(15);

	/**
	 * An evaluation refits ETS, ARIMA, Theta and auto at up to max-refits origins of
	 * sunspots.
	 */
	private static final Duration EVALUATION = Duration.ofSeconds(90);

	/**
	 * Counts canvas pixels by colour: [opaque blue-ish, opaque orange-ish, translucent
	 * orange-ish].
	 */
	private static final String PIXELS = """
			const canvas = document.querySelector(arguments[0] + ' canvas');
			if (!canvas) return [0, 0, 0];
			const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
			let blue = 0, orange = 0, band = 0;
			for (let i = 0; i < data.length; i += 4) {
				const r = data[i], b = data[i + 2], a = data[i + 3];
				if (a > 200 && b > r + 40) blue++;
				if (a > 200 && r > b + 80) orange++;
				if (a > 5 && a < 150 && r > b + 80) band++;
			}
			return [blue, orange, band];
			""";

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
	void uploadForecastEvaluateAndTrainThroughThePage() {
		browser.open("http://127.0.0.1:" + this.port + "/");
		browser.await(SHORT, "the page loads its modules and the series list",
				(d) -> "true".equals(browser.find("body").getDomAttribute("data-ready")));
		assertThat(browser.find("#series-problem").isDisplayed()).as("no problem listing the series").isFalse();

		// upload sunspots.csv as it is, through the file picker
		browser.find("#file").sendKeys(SharedData.SUNSPOTS.toAbsolutePath().toString());
		browser.await(SHORT, "the upload succeeds",
				(d) -> browser.find("#upload-status").getText().startsWith("Uploaded"));
		assertThat(browser.find("#upload-status").getText()).contains("3,235 points").contains("MONTHLY");
		browser.await(SHORT, "the series chart is drawn",
				(d) -> "true".equals(browser.find("#series-chart").getDomAttribute("data-drawn")));
		assertThat(browser.find("#series-title").getText()).isEqualTo("sunspots");
		assertThat(pixels("#series-chart").get(0)).as("series line pixels").isGreaterThan(1000);
		browser.screenshot("1-series");

		// a naive forecast, drawn after the series with its 80% and 95% bands
		new Select(browser.find("#forecast-form [name=method]")).selectByValue("naive");
		type("#forecast-form [name=horizon]", "24");
		browser.find("#forecast-add").click();
		browser.await(SHORT, "the forecast is listed",
				(d) -> !d.findElements(By.cssSelector("#forecast-list li")).isEmpty());
		assertThat(browser.find("#forecast-list").getText()).contains("naive").contains("24 steps to 2020-07-31");
		List<Long> drawn = pixels("#series-chart");
		assertThat(drawn.get(1)).as("forecast line pixels").isGreaterThan(30);
		assertThat(drawn.get(2)).as("interval band pixels").isGreaterThan(2000);
		assertThat(browser.driver().findElements(By.cssSelector("#series-chart .u-legend .band-edge"))).hasSize(4);
		browser.screenshot("2-forecast");

		// the evaluation table with the best method highlighted
		type("#evaluation-form [name=holdout]", "235");
		browser.find("#evaluate").click();
		WebElement best = browser.await(EVALUATION, "the evaluation table",
				(d) -> d.findElements(By.cssSelector("#evaluation-table tr.best")).stream().findFirst().orElse(null));
		assertThat(best.getText()).contains("best");
		assertThat(browser.driver().findElements(By.cssSelector("#evaluation-table tbody tr"))).hasSize(8);

		// a problem detail reads as a message: title, detail, field errors
		type("#evaluation-form [name=holdout]", "100000");
		browser.find("#evaluate").click();
		browser.await(SHORT, "the problem is shown", (d) -> !browser.find("#evaluation-problem").getText().isBlank());
		assertThat(browser.find("#evaluation-problem .problem-title").getText()).contains("Invalid parameter")
			.contains("400");
		assertThat(browser.find("#evaluation-problem .problem-detail").getText()).contains("holdout").contains("3233");
		browser.screenshot("3-evaluation-problem");

		// a tiny training run: its learning curve appears while it trains, then it
		// succeeds
		new Select(browser.find("#train-form [name=model]")).selectByValue("dense");
		type("#train-form [name=units]", "8");
		type("#train-form [name=window]", "12");
		type("#train-form [name=epochs]", "2");
		type("#train-form [name=batchSize]", "64");
		browser.find("#train").click();
		browser.await(Duration.ofSeconds(40), "the run's curve points appear", (d) -> {
			String points = browser.find("#curve-chart").getDomAttribute("data-points");
			return points != null && Integer.parseInt(points) >= 1;
		});
		browser.await(Duration.ofSeconds(40), "the run succeeds",
				(d) -> browser.find("#run-title").getText().contains("SUCCEEDED"));
		assertThat(browser.find("#curve-chart").getDomAttribute("data-points")).isEqualTo("2");
		assertThat(pixels("#curve-chart").get(0)).as("loss curve pixels").isGreaterThan(20);
		assertThat(browser.find("#run-facts").getText()).contains("val MAE").contains("best epoch");
		// the runs table refreshes on its own poll, after the run view
		browser.await(SHORT, "the runs table shows the run succeeded",
				(d) -> browser.find("#runs tbody").getText().contains("SUCCEEDED"));
		assertThat(browser.find("#runs tbody").getText()).contains("dense");
		browser.script("document.querySelector('#training-card').scrollIntoView()");
		browser.screenshot("4-training");
	}

	private List<Long> pixels(String chart) {
		@SuppressWarnings("unchecked")
		List<Long> counts = (List<Long>) browser.script(PIXELS, chart);
		return counts;
	}

	private static void type(String css, String text) {
		WebElement input = browser.find(css);
		input.clear();
		input.sendKeys(text);
	}

}
