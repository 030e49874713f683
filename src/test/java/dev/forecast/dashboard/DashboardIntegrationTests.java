package dev.forecast.dashboard;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.forecast.support.IntegrationTest;
import dev.forecast.support.TestHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard is served from the jar: the page and everything it loads, with no other
 * host involved.
 */
class DashboardIntegrationTests extends IntegrationTest {

	private static final Pattern PAGE_LINKS = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

	private static final Pattern IMPORTS = Pattern.compile("^import .*? from '([^']+)';", Pattern.MULTILINE);

	@Test
	void theRootServesTheDashboard() {
		Response page = http().get("/", "text/html");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("<title>Forecast service</title>")
			.contains("<script type=\"module\" src=\"/assets/app.js\"></script>");
	}

	@Test
	void everyFileThePageLoadsIsServedFromTheJar() {
		String page = http().get("/", "text/html").body();
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> todo = new ArrayDeque<>();
		Matcher links = PAGE_LINKS.matcher(page);
		while (links.find()) {
			String link = links.group(1);
			assertThat(link).as("no other host: " + link).doesNotContain("//");
			if (link.startsWith("/assets/") || link.startsWith("/webjars/")) {
				todo.add(link);
			}
		}
		while (!todo.isEmpty()) {
			String path = todo.poll();
			if (!seen.add(path)) {
				continue;
			}
			Response file = http().get(path, "*/*");
			assertThat(file.status()).as(path).isEqualTo(200);
			if (path.endsWith(".js")) {
				assertThat(file.header("Content-Type")).as(path).startsWith("text/javascript");
				Matcher imports = IMPORTS.matcher(file.body());
				while (imports.find()) {
					String target = imports.group(1);
					assertThat(target).as("no other host: " + target).doesNotContain("//");
					todo.add(target.startsWith("./") ? path.substring(0, path.lastIndexOf('/')) + target.substring(1)
							: target);
				}
			}
		}
		assertThat(seen).contains("/assets/app.js", "/assets/api.js", "/assets/charts.js", "/assets/training.js",
				"/assets/style.css", "/webjars/uplot/1.6.30/dist/uPlot.min.css",
				"/webjars/uplot/1.6.30/dist/uPlot.esm.js");
	}

}
