package dev.forecast.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.forecast.deploy.RenderedChart.at;
import static dev.forecast.deploy.RenderedChart.env;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The Helm chart in {@code helm/forecast-service}, linted and rendered in-process by
 * helm-java (no cluster, no helm binary), and the rendered manifests checked.
 */
@SuppressWarnings("unchecked")
class HelmChartTests {

	private static final String API = "fc-forecast-service-api";

	private static final String WORKER = "fc-forecast-service-worker";

	@Test
	void chartPassesStrictLint() {
		LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();
		assertThat(lint.isFailed()).as("lint: %s", lint.getMessages()).isFalse();
		assertThat(lint.getMessages())
			.noneMatch((message) -> message.contains("[ERROR]") || message.contains("[WARNING]"));
	}

	@Test
	void defaultsRenderAnApiAndACpuWorkerOverExternalPostgres() {
		RenderedChart chart = RenderedChart.render();
		assertThat(chart.ofKind("Deployment")).extracting((d) -> at(d, "metadata.name"))
			.containsExactlyInAnyOrder(API, WORKER);
		assertThat(chart.has("Service", "fc-forecast-service")).isTrue();
		assertThat(chart.has("HorizontalPodAutoscaler", API)).isTrue();
		assertThat(chart.has("PodDisruptionBudget", API)).isTrue();
		assertThat(chart.ofKind("Ingress")).isEmpty();
		assertThat(chart.ofKind("StatefulSet")).as("PostgreSQL is external").isEmpty();
		Map<String, Object> config = chart.get("ConfigMap", "fc-forecast-service");
		assertThat(at(config, "data.SPRING_DATASOURCE_URL").toString())
			.isEqualTo("jdbc:postgresql://postgresql:5432/forecast");
		assertThat(chart.container(WORKER).get("image")).isEqualTo("forecast-service:0.1.0");
		assertThat(at(chart.container(WORKER), "resources.limits").toString()).doesNotContain("nvidia.com/gpu");
	}

	@Test
	void apiAndWorkerRunSeparateRoles() {
		RenderedChart chart = RenderedChart.render();
		assertThat(env(chart.container(API))).containsEntry("FORECAST_WORKER_ENABLED", "false");
		assertThat(env(chart.container(WORKER))).containsEntry("FORECAST_WORKER_ENABLED", "true");
		Map<String, Object> selector = at(chart.get("Service", "fc-forecast-service"), "spec.selector");
		assertThat(selector).containsEntry("app.kubernetes.io/component", "api");
		assertThat((Map<String, Object>) at(chart.get("Deployment", API), "spec.template.metadata.labels"))
			.containsAllEntriesOf(selector);
		assertThat((Map<String, Object>) at(chart.get("Deployment", WORKER), "spec.template.metadata.labels"))
			.as("workers take no API traffic")
			.containsEntry("app.kubernetes.io/component", "worker");
		assertThat((Map<String, Object>) at(chart.get("PodDisruptionBudget", API), "spec.selector.matchLabels"))
			.containsEntry("app.kubernetes.io/component", "api");
	}

	@Test
	void gpuWorkersAskForGpusOnlyWhenEnabled() {
		RenderedChart chart = RenderedChart.render("gpu.enabled", "true", "gpu.count", "2",
				"gpu.nodeSelector.accelerator", "nvidia-l4", "gpu.runtimeClassName", "nvidia");
		Map<String, Object> worker = chart.container(WORKER);
		assertThat((Map<String, Object>) at(worker, "resources.limits")).containsEntry("nvidia.com/gpu", 2)
			.containsKey("memory");
		assertThat(worker.get("image")).isEqualTo("forecast-service:0.1.0-cuda");
		Map<String, Object> pod = at(chart.get("Deployment", WORKER), "spec.template.spec");
		assertThat((Map<String, Object>) pod.get("nodeSelector")).containsEntry("accelerator", "nvidia-l4");
		assertThat((List<Map<String, Object>>) pod.get("tolerations"))
			.anyMatch((t) -> "nvidia.com/gpu".equals(t.get("key")));
		assertThat(pod.get("runtimeClassName")).isEqualTo("nvidia");
		assertThat(at(chart.container(API), "resources").toString()).doesNotContain("nvidia.com/gpu");
		assertThat(at(chart.get("Deployment", API), "spec.template.spec").toString()).doesNotContain("nvidia");
		assertThat(at(chart.get("Deployment", API), "spec.template.spec.containers").toString())
			.doesNotContain("-cuda");

		RenderedChart cpu = RenderedChart.render("gpu.count", "2", "gpu.runtimeClassName", "nvidia");
		assertThat(at(cpu.get("Deployment", WORKER), "spec.template.spec").toString()).doesNotContain("nvidia");
	}

	@Test
	void probesUseTheActuatorHealthGroups() {
		RenderedChart chart = RenderedChart.render();
		for (String deployment : List.of(API, WORKER)) {
			Map<String, Object> container = chart.container(deployment);
			assertThat(at(container, "livenessProbe.httpGet.path").toString()).isEqualTo("/actuator/health/liveness");
			assertThat(at(container, "readinessProbe.httpGet.path").toString()).isEqualTo("/actuator/health/readiness");
			assertThat(at(container, "startupProbe.httpGet.path").toString()).isEqualTo("/actuator/health/liveness");
			assertThat(at(container, "livenessProbe.httpGet.port").toString()).isEqualTo("http");
			assertThat(at(container, "ports").toString()).contains("containerPort=8080");
			// the startup window outlasts the database wait (2 min) and a start under
			// load
			int period = Integer.parseInt(at(container, "startupProbe.periodSeconds").toString());
			int failures = Integer.parseInt(at(container, "startupProbe.failureThreshold").toString());
			assertThat(period * failures).isGreaterThanOrEqualTo(120 + 60);
		}
	}

	@Test
	void podsRunAsNonRootOnAReadOnlyRootWithAWritableTmp() {
		RenderedChart chart = RenderedChart.render("gpu.enabled", "true");
		for (String deployment : List.of(API, WORKER)) {
			Map<String, Object> pod = at(chart.get("Deployment", deployment), "spec.template.spec");
			assertThat((Map<String, Object>) pod.get("securityContext")).containsEntry("runAsNonRoot", true)
				.containsEntry("runAsUser", 10001);
			Map<String, Object> container = chart.container(deployment);
			assertThat((Map<String, Object>) container.get("securityContext"))
				.containsEntry("readOnlyRootFilesystem", true)
				.containsEntry("allowPrivilegeEscalation", false);
			assertThat(at(container, "securityContext.capabilities.drop").toString()).isEqualTo("[ALL]");
			assertThat(at(container, "volumeMounts").toString()).contains("mountPath=/tmp");
			assertThat(at(pod, "volumes").toString()).contains("name=tmp").contains("emptyDir");
			assertThat((Map<String, Object>) at(container, "resources.limits")).containsKey("memory");
			assertThat((Map<String, Object>) at(container, "resources.requests")).containsKeys("cpu", "memory");
		}
	}

	@Test
	void passwordIsNeverInlined() {
		RenderedChart chart = RenderedChart.render("postgresql.password", "s3cr3t-Pa55");
		String secretName = "fc-forecast-service-db";
		assertThat(at(chart.get("Secret", secretName), "data.password").toString()).isEqualTo("czNjcjN0LVBhNTU=");
		for (Map<String, Object> manifest : chart.all()) {
			if (!"Secret".equals(manifest.get("kind"))) {
				assertThat(manifest.toString()).as("%s", (Object) at(manifest, "metadata.name"))
					.doesNotContain("s3cr3t-Pa55")
					.doesNotContain("czNjcjN0LVBhNTU=");
			}
		}
		for (String deployment : List.of(API, WORKER)) {
			assertThat(env(chart.container(deployment))).containsEntry("SPRING_DATASOURCE_PASSWORD",
					"secret:" + secretName + "/password");
		}
		assertThat(chart.get("ConfigMap", "fc-forecast-service").toString()).doesNotContainIgnoringCase("password");
	}

	@Test
	void existingSecretIsUsedAndNoSecretIsCreated() {
		RenderedChart chart = RenderedChart.render("postgresql.existingSecret", "forecast-db",
				"postgresql.existingSecretPasswordKey", "pg-password", "postgresql.host", "db.example.internal",
				"postgresql.parameters", "sslmode=require");
		assertThat(chart.ofKind("Secret")).isEmpty();
		for (String deployment : List.of(API, WORKER)) {
			assertThat(env(chart.container(deployment))).containsEntry("SPRING_DATASOURCE_PASSWORD",
					"secret:forecast-db/pg-password");
		}
		assertThat(at(chart.get("ConfigMap", "fc-forecast-service"), "data.SPRING_DATASOURCE_URL").toString())
			.isEqualTo("jdbc:postgresql://db.example.internal:5432/forecast?sslmode=require");
	}

	@Test
	void workersGetALongerGracePeriodThanTheApiAndShutDownWithinIt() {
		RenderedChart chart = RenderedChart.render("worker.terminationGracePeriodSeconds", "300");
		int api = at(chart.get("Deployment", API), "spec.template.spec.terminationGracePeriodSeconds");
		int worker = at(chart.get("Deployment", WORKER), "spec.template.spec.terminationGracePeriodSeconds");
		assertThat(worker).isEqualTo(300).isGreaterThan(api);
		assertThat(env(chart.container(WORKER))).containsEntry("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE", "270s");
		assertThat(env(chart.container(API))).containsEntry("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE", "30s");
		assertThat(at(chart.container(API), "lifecycle.preStop.exec.command").toString()).isEqualTo("[sleep, 5]");
		assertThat(at(chart.get("Deployment", WORKER), "spec.strategy.rollingUpdate.maxSurge").toString())
			.isEqualTo("0");
	}

	@Test
	void replicasBelongToTheHpaWhenAutoscalingAndToValuesOtherwise() {
		RenderedChart scaled = RenderedChart.render("api.autoscaling.maxReplicas", "10");
		assertThat((Object) at(scaled.get("Deployment", API), "spec.replicas")).isNull();
		Map<String, Object> hpa = scaled.get("HorizontalPodAutoscaler", API);
		assertThat(at(hpa, "spec.maxReplicas").toString()).isEqualTo("10");
		assertThat(at(hpa, "spec.scaleTargetRef.name").toString()).isEqualTo(API);
		assertThat(at(hpa, "spec.metrics").toString()).contains("name=cpu");

		RenderedChart fixed = RenderedChart.render("api.autoscaling.enabled", "false", "api.replicaCount", "3",
				"worker.replicaCount", "4", "worker.threads", "2");
		assertThat(fixed.ofKind("HorizontalPodAutoscaler")).isEmpty();
		assertThat(at(fixed.get("Deployment", API), "spec.replicas").toString()).isEqualTo("3");
		assertThat(at(fixed.get("Deployment", WORKER), "spec.replicas").toString()).isEqualTo("4");
		assertThat(env(fixed.container(WORKER))).containsEntry("FORECAST_WORKER_THREADS", "2");
	}

	@Test
	void ingressAndWorkerAreOptional(@TempDir Path dir) throws IOException {
		Path values = Files.writeString(dir.resolve("values.yaml"), """
				ingress:
				  enabled: true
				  className: nginx
				  hosts:
				    - host: forecast.example.com
				      paths:
				        - path: /
				          pathType: Prefix
				worker:
				  enabled: false
				security:
				  existingSecret: forecast-keys
				""");
		RenderedChart chart = RenderedChart.parse(new Helm(RenderedChart.CHART).template()
			.withName(RenderedChart.RELEASE)
			.withKubeVersion(RenderedChart.KUBE_VERSION)
			.withValuesFile(values)
			.call());
		Map<String, Object> ingress = chart.get("Ingress", "fc-forecast-service");
		assertThat(at(ingress, "spec.ingressClassName").toString()).isEqualTo("nginx");
		assertThat(at(ingress, "spec.rules").toString()).contains("host=forecast.example.com")
			.contains("name=fc-forecast-service");
		assertThat(chart.has("Deployment", WORKER)).isFalse();
		assertThat(chart.has("Deployment", API)).isTrue();
	}

	@Test
	void connectionTestHitsTheServiceReadiness() throws IOException {
		// helm template leaves hooks out; strict lint above renders this file too
		String test = Files.readString(RenderedChart.CHART.resolve("templates/tests/test-connection.yaml"));
		assertThat(test).contains("\"helm.sh/hook\": test")
			.contains(
					"http://{{ include \"forecast-service.fullname\" . }}:{{ .Values.service.port }}/actuator/health/readiness")
			.contains("runAsNonRoot: true");
	}

	@Test
	void missingDatabaseHostFailsTheRender() {
		assertThatIllegalStateException().isThrownBy(() -> RenderedChart.render("postgresql.host", ""))
			.withMessageContaining("postgresql.host is required");
	}

	@Test
	void refusesToRenderWithoutApiKeysUnlessOpen() {
		assertThatIllegalStateException().isThrownBy(() -> RenderedChart.render("security.existingSecret", ""))
			.withMessageContaining("security.open=true");
		RenderedChart open = RenderedChart.render("security.existingSecret", "", "security.open", "true");
		assertThat(env(open.container(API))).doesNotContainKey("FORECAST_SECURITY_API_KEYS");
	}

	@Test
	void apiKeysComeFromASecretInBothRolesAndAreNeverInlined() {
		RenderedChart chart = RenderedChart.render("security.existingSecret", "", "security.apiKeys",
				"k3y-Plain=write");
		assertThat(chart.all()).allSatisfy((m) -> assertThat(m.toString()).doesNotContain("k3y-Plain"));
		Map<String, Object> secret = chart.get("Secret", "fc-forecast-service-api-keys");
		assertThat(at(secret, "data.api-keys").toString())
			.isEqualTo(java.util.Base64.getEncoder().encodeToString("k3y-Plain=write".getBytes()));
		for (String role : List.of(API, WORKER)) {
			assertThat(env(chart.container(role))).containsEntry("FORECAST_SECURITY_API_KEYS",
					"secret:fc-forecast-service-api-keys/api-keys");
		}
		RenderedChart existing = RenderedChart.render("security.existingSecretKey", "keys");
		assertThat(existing.ofKind("Secret")).noneMatch((s) -> at(s, "metadata.name").toString().endsWith("api-keys"));
		assertThat(env(existing.container(WORKER))).containsEntry("FORECAST_SECURITY_API_KEYS",
				"secret:forecast-keys/keys");
	}

}
