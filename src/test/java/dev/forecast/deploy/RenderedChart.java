package dev.forecast.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart rendered in-process by helm-java ({@code helm template}) with a set of
 * values, parsed into maps, with lookups by kind and name.
 */
final class RenderedChart {

	static final Path CHART = Path.of("helm/forecast-service");

	static final String RELEASE = "fc";

	static final String KUBE_VERSION = "1.30.0";

	private final List<Map<String, Object>> manifests;

	private RenderedChart(List<Map<String, Object>> manifests) {
		this.manifests = manifests;
	}

	/**
	 * Renders the chart; values are {@code --set key=value} pairs, applied after a
	 * default {@code security.existingSecret=forecast-keys} (the chart refuses to render
	 * without keys).
	 */
	static RenderedChart render(String... values) {
		TemplateCommand template = new Helm(CHART).template()
			.withName(RELEASE)
			.withNamespace("forecast")
			.withKubeVersion(KUBE_VERSION);
		template.set("security.existingSecret", "forecast-keys");
		for (int i = 0; i < values.length; i += 2) {
			template.set(values[i], values[i + 1]);
		}
		return parse(template.call());
	}

	@SuppressWarnings("unchecked")
	static RenderedChart parse(String yaml) {
		List<Map<String, Object>> manifests = new ArrayList<>();
		for (Object document : new Yaml().loadAll(yaml)) {
			if (document != null) {
				manifests.add((Map<String, Object>) document);
			}
		}
		return new RenderedChart(manifests);
	}

	List<Map<String, Object>> all() {
		return this.manifests;
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.manifests.stream().filter((m) -> kind.equals(m.get("kind"))).toList();
	}

	boolean has(String kind, String name) {
		return ofKind(kind).stream().anyMatch((m) -> name.equals(at(m, "metadata.name")));
	}

	Map<String, Object> get(String kind, String name) {
		return ofKind(kind).stream()
			.filter((m) -> name.equals(at(m, "metadata.name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + names()));
	}

	/** The single container of a Deployment. */
	Map<String, Object> container(String deployment) {
		List<Map<String, Object>> containers = at(get("Deployment", deployment), "spec.template.spec.containers");
		if (containers.size() != 1) {
			throw new AssertionError(deployment + " has " + containers.size() + " containers");
		}
		return containers.get(0);
	}

	/**
	 * The env of a container as name to value, or to "secret:<name>/<key>" for secret
	 * refs.
	 */
	static Map<String, String> env(Map<String, Object> container) {
		List<Map<String, Object>> env = at(container, "env");
		Map<String, String> result = new java.util.LinkedHashMap<>();
		for (Map<String, Object> variable : env) {
			Object value = variable.get("value");
			if (value == null) {
				Map<String, Object> ref = at(variable, "valueFrom.secretKeyRef");
				value = (ref != null) ? "secret:" + ref.get("name") + "/" + ref.get("key") : "other";
			}
			result.put((String) variable.get("name"), String.valueOf(value));
		}
		return result;
	}

	/** Reads a dotted path through nested maps; null when a step is missing. */
	@SuppressWarnings("unchecked")
	static <T> T at(Map<String, Object> map, String path) {
		Object current = map;
		for (String key : path.split("\\.")) {
			if (!(current instanceof Map)) {
				return null;
			}
			current = ((Map<String, Object>) current).get(key);
		}
		return (T) current;
	}

	private List<String> names() {
		return this.manifests.stream()
			.map((m) -> m.get("kind") + "/" + at(m, "metadata.name"))
			.filter(Objects::nonNull)
			.toList();
	}

}
