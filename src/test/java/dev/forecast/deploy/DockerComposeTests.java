package dev.forecast.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import static dev.forecast.deploy.RenderedChart.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml parsed (YAML anchors and merge keys resolved as Compose does) and
 * checked.
 */
@SuppressWarnings("unchecked")
class DockerComposeTests {

	private static Map<String, Object> compose;

	@BeforeAll
	static void parse() throws IOException {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		compose = new Yaml(options).load(Files.readString(Path.of("docker-compose.yml")));
	}

	@Test
	void servicesAreDatabaseApiAndWorkers() {
		assertThat(services().keySet()).containsExactlyInAnyOrder("postgres", "api", "worker", "worker-gpu");
		assertThat(service("api").get("build")).isNotNull();
		assertThat(service("worker").get("image")).isEqualTo(service("api").get("image"));
	}

	@Test
	void postgresKeepsItsDataInANamedVolumeAndHasAHealthcheck() {
		Map<String, Object> postgres = service("postgres");
		// named in full: podman resolves no short names unless registries.conf lists a
		// search registry
		assertThat(postgres.get("image").toString()).startsWith("docker.io/library/postgres:");
		assertThat((List<String>) postgres.get("volumes")).contains("pgdata:/var/lib/postgresql/data");
		assertThat((Map<String, Object>) compose.get("volumes")).containsKey("pgdata");
		assertThat(at(postgres, "healthcheck.test").toString()).contains("pg_isready");
	}

	@Test
	void databasePortIsNotPublished() {
		// "address already in use" on every host that runs its own PostgreSQL; nothing
		// outside needs it
		for (String name : services().keySet()) {
			List<Object> ports = (List<Object>) service(name).getOrDefault("ports", List.of());
			assertThat(ports).as(name).noneMatch((port) -> port.toString().matches("(.*:)?5432(/tcp)?"));
		}
		assertThat(service("postgres")).doesNotContainKey("ports");
	}

	@Test
	void applicationServicesStartAfterTheDatabaseWithoutWaitingForAHealthcheck() {
		// podman without systemd runs no healthchecks: "service_healthy" would wait for
		// ever, so the
		// application waits for the database itself (forecast.database.startup-timeout)
		for (String name : List.of("api", "worker", "worker-gpu")) {
			assertThat((List<String>) service(name).get("depends_on")).as(name).containsExactly("postgres");
			Map<String, Object> env = environment(name);
			assertThat(env.get("SPRING_DATASOURCE_URL").toString()).as(name)
				.startsWith("jdbc:postgresql://postgres:5432/");
			assertThat(env).as(name).containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
		}
	}

	@Test
	void apiServesHttpAndWorkersTrain() {
		assertThat((List<String>) service("api").get("ports")).containsExactly("${FORECAST_PORT:-8080}:8080");
		assertThat(environment("api")).containsEntry("FORECAST_WORKER_ENABLED", "false");
		assertThat(environment("worker")).containsEntry("FORECAST_WORKER_ENABLED", "true");
		assertThat(service("worker")).doesNotContainKey("ports");
		assertThat(service("worker").get("stop_grace_period").toString()).isEqualTo("2m");
		assertThat(environment("worker")).containsKey("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE");
	}

	@Test
	void cpuServicesRunWithAReadOnlyRoot() {
		for (String name : List.of("api", "worker")) {
			assertThat(service(name)).as(name).containsEntry("read_only", true);
			assertThat((List<String>) service(name).get("tmpfs")).as(name).anyMatch((t) -> t.startsWith("/tmp"));
		}
	}

	@Test
	void gpuWorkerIsAnOptInProfileWithTheCudaImageAndADeviceReservation() {
		Map<String, Object> gpu = service("worker-gpu");
		assertThat((List<String>) gpu.get("profiles")).containsExactly("gpu");
		assertThat(at(gpu, "build.target").toString()).isEqualTo("runtime-cuda");
		assertThat(service("api").get("build").toString()).doesNotContain("target").doesNotContain("args");
		assertThat(gpu.get("image").toString()).endsWith("-cuda");
		List<Map<String, Object>> devices = at(gpu, "deploy.resources.reservations.devices");
		assertThat(devices).singleElement().satisfies((device) -> {
			assertThat(device).containsEntry("driver", "nvidia");
			assertThat(device.get("capabilities").toString()).isEqualTo("[gpu]");
		});
		assertThat(environment("worker-gpu")).containsEntry("FORECAST_WORKER_ENABLED", "true");
		for (String name : List.of("api", "worker")) {
			assertThat(service(name).toString()).as(name).doesNotContain("nvidia").doesNotContain("profiles");
		}
	}

	private static Map<String, Object> services() {
		return (Map<String, Object>) compose.get("services");
	}

	private static Map<String, Object> service(String name) {
		return (Map<String, Object>) services().get(name);
	}

	private static Map<String, Object> environment(String name) {
		return (Map<String, Object>) service(name).get("environment");
	}

}
