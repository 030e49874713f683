package dev.forecast.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.forecast.deploy.RenderedChart.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The chart's monitoring: the optional ServiceMonitor (with the headless Service it
 * scrapes through), PrometheusRule and Grafana dashboard, and structured logs on by
 * default.
 */
@SuppressWarnings("unchecked")
class MonitoringChartTests {

	private static final String NAME = "fc-forecast-service";

	private static final String COMPONENT = "app.kubernetes.io/component";

	/**
	 * What {@code /actuator/prometheus} exports (OperationsMetricsIntegrationTests checks
	 * them); the rule and the dashboard may use no other series of the service.
	 */
	private static final Set<String> EXPORTED = Set.of("forecast_queue_runs", "forecast_queue_oldest_age_seconds",
			"forecast_runs_started_total", "forecast_runs_ended_total", "forecast_runs_recovered_total",
			"forecast_runs_duration_seconds_sum", "forecast_runs_duration_seconds_count",
			"forecast_runs_queue_wait_seconds_sum", "forecast_runs_queue_wait_seconds_count",
			"forecast_training_epochs_seconds_sum", "forecast_training_epochs_seconds_count",
			"forecast_training_samples_per_second", "forecast_neural_passes_seconds_sum",
			"forecast_neural_passes_seconds_count", "forecast_uploads_points_total", "forecast_uploads_rejected_total",
			"forecast_native_memory_used_bytes", "forecast_native_memory_max_bytes", "process_memory_rss_bytes",
			"process_memory_limit_bytes", "cache_gets_total", "cache_size", "cache_evictions_total",
			"http_server_requests_seconds_sum", "http_server_requests_seconds_count",
			"http_server_requests_seconds_max");

	private static final Pattern SERIES = Pattern
		.compile("\\b((?:forecast|cache|process_memory|http_server_requests)_[a-z_]+)\\b");

	@Test
	void monitoringIsOffByDefaultAndLogsAreStructured() {
		RenderedChart chart = RenderedChart.render();
		assertThat(chart.ofKind("ServiceMonitor")).isEmpty();
		assertThat(chart.ofKind("PrometheusRule")).isEmpty();
		assertThat(chart.has("ConfigMap", NAME + "-dashboard")).isFalse();
		assertThat(chart.has("Service", NAME + "-metrics")).isFalse();
		assertThat(at(chart.get("ConfigMap", NAME), "data.LOGGING_STRUCTURED_FORMAT_CONSOLE").toString())
			.isEqualTo("ecs");
		RenderedChart plain = RenderedChart.render("logging.structuredFormat", "");
		assertThat((Map<String, Object>) at(plain.get("ConfigMap", NAME), "data"))
			.doesNotContainKey("LOGGING_STRUCTURED_FORMAT_CONSOLE");
	}

	@Test
	void serviceMonitorScrapesApiAndWorkerPodsWithABearerKey() {
		RenderedChart chart = RenderedChart.render("metrics.serviceMonitor.enabled", "true",
				"metrics.serviceMonitor.bearerTokenSecret.name", "forecast-scrape-key",
				"metrics.serviceMonitor.labels.release", "kube-prometheus-stack");
		Map<String, Object> monitor = chart.get("ServiceMonitor", NAME);
		assertThat(at(monitor, "apiVersion").toString()).isEqualTo("monitoring.coreos.com/v1");
		assertThat((Map<String, Object>) at(monitor, "metadata.labels")).containsEntry("release",
				"kube-prometheus-stack");
		List<Map<String, Object>> endpoints = at(monitor, "spec.endpoints");
		assertThat(endpoints).hasSize(1);
		assertThat(endpoints.get(0)).containsEntry("path", "/actuator/prometheus").containsEntry("port", "http");
		assertThat(at(endpoints.get(0), "authorization.type").toString()).isEqualTo("Bearer");
		assertThat(at(endpoints.get(0), "authorization.credentials.name").toString()).isEqualTo("forecast-scrape-key");

		Map<String, Object> service = chart.get("Service", NAME + "-metrics");
		assertThat(at(service, "spec.clusterIP").toString()).isEqualTo("None");
		Map<String, Object> serviceLabels = at(service, "metadata.labels");
		Map<String, Object> wanted = at(monitor, "spec.selector.matchLabels");
		assertThat(serviceLabels).containsAllEntriesOf(wanted);
		Map<String, Object> selector = at(service, "spec.selector");
		assertThat(selector).doesNotContainKey(COMPONENT);
		for (String deployment : List.of(NAME + "-api", NAME + "-worker")) {
			Map<String, Object> podLabels = at(chart.get("Deployment", deployment), "spec.template.metadata.labels");
			assertThat(podLabels).as(deployment).containsAllEntriesOf(selector);
		}
		assertThat(chart.get("Service", NAME).toString()).as("the traffic Service is unchanged").contains("api");
	}

	@Test
	void serviceMonitorNeedsAKeyUnlessTheServiceIsOpen() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RenderedChart.render("metrics.serviceMonitor.enabled", "true"))
			.withMessageContaining("metrics.serviceMonitor.bearerTokenSecret.name");
		RenderedChart open = RenderedChart.render("metrics.serviceMonitor.enabled", "true", "security.existingSecret",
				"", "security.open", "true");
		Map<String, Object> endpoint = ((List<Map<String, Object>>) at(open.get("ServiceMonitor", NAME),
				"spec.endpoints"))
			.get(0);
		assertThat(endpoint).doesNotContainKey("authorization");
	}

	@Test
	void prometheusRuleAlertsOnQueueAgeFailuresIdleWorkersAndMemory() {
		RenderedChart chart = RenderedChart.render("metrics.prometheusRule.enabled", "true",
				"metrics.prometheusRule.queueAgeSeconds", "900", "metrics.prometheusRule.runbookBaseUrl",
				"https://git.example/docs/operations.md");
		Map<String, Object> rule = chart.get("PrometheusRule", NAME);
		List<Map<String, Object>> groups = at(rule, "spec.groups");
		List<Map<String, Object>> rules = (List<Map<String, Object>>) groups.get(0).get("rules");
		assertThat(rules).extracting((r) -> r.get("alert"))
			.containsExactly("ForecastQueueTooOld", "ForecastRunFailureRate", "ForecastNoWorkerClaiming",
					"ForecastMemoryNearLimit", "ForecastNativeMemoryNearLimit");
		for (Map<String, Object> alert : rules) {
			String expr = alert.get("expr").toString();
			assertThat(expr).as(alert.get("alert").toString())
				.contains("namespace=\"forecast\"")
				.contains("service=\"" + NAME + "-metrics\"");
			assertThat(seriesIn(expr)).isSubsetOf(EXPORTED);
			assertThat(at(alert, "annotations.runbook_url").toString())
				.isEqualTo("https://git.example/docs/operations.md#" + alert.get("alert").toString().toLowerCase());
			assertThat(at(alert, "annotations.description").toString()).doesNotContain("<no value>");
		}
		assertThat(rules.get(0).get("expr").toString()).contains("> 900");
	}

	@Test
	void grafanaDashboardShipsInAConfigMapForTheSidecar() {
		RenderedChart chart = RenderedChart.render("metrics.grafanaDashboard.enabled", "true",
				"metrics.grafanaDashboard.annotations.grafana_folder", "Forecast");
		Map<String, Object> config = chart.get("ConfigMap", NAME + "-dashboard");
		assertThat((Map<String, Object>) at(config, "metadata.labels")).containsEntry("grafana_dashboard", "1");
		assertThat(at(config, "metadata.annotations.grafana_folder").toString()).isEqualTo("Forecast");
		String json = ((Map<String, Object>) at(config, "data")).get("forecast-service.json").toString();
		JsonNode dashboard = JsonMapper.builder().build().readTree(json);
		assertThat(dashboard.get("uid").asString()).isEqualTo("forecast-service");
		Set<String> titles = new TreeSet<>();
		Set<String> series = new TreeSet<>();
		for (JsonNode panel : dashboard.get("panels")) {
			titles.add(panel.get("title").asString());
			if (panel.has("targets")) {
				for (JsonNode target : panel.get("targets")) {
					series.addAll(seriesIn(target.get("expr").asString()));
				}
			}
		}
		assertThat(titles).contains("Queue", "Runs", "Training speed", "Serving", "Uploads", "Memory",
				"Forecast latency (mean) by method", "Model cache hit ratio", "Samples per second of running jobs");
		assertThat(series).isSubsetOf(EXPORTED)
			.contains("forecast_queue_runs", "forecast_runs_ended_total", "forecast_training_epochs_seconds_sum",
					"http_server_requests_seconds_sum", "cache_gets_total");
	}

	private static Set<String> seriesIn(String expr) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = SERIES.matcher(expr);
		while (matcher.find()) {
			if (!matcher.group(1).equals("forecast_method")) { // the label, not a series
				names.add(matcher.group(1));
			}
		}
		return names;
	}

}
