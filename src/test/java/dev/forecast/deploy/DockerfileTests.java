package dev.forecast.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile, parsed into stages and instructions (no Docker engine here): stages, base
 * images, the CUDA variant, layered extraction, non-root user, healthcheck, JVM flags.
 */
class DockerfileTests {

	private static final Pattern FROM = Pattern.compile("FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?", Pattern.CASE_INSENSITIVE);

	private static String text;

	/** Global ARG defaults (before the first FROM). */
	private static final Map<String, String> args = new LinkedHashMap<>();

	/** Stage name to its base and instructions. */
	private static final Map<String, Stage> stages = new LinkedHashMap<>();

	record Stage(String base, List<String> instructions) {

		String all(String keyword) {
			return String.join("\n", this.instructions.stream().filter((i) -> i.startsWith(keyword + " ")).toList());
		}

	}

	@BeforeAll
	static void parse() throws IOException {
		text = Files.readString(Path.of("Dockerfile"));
		List<String> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : text.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				current.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			current.append(trimmed);
			instructions.add(current.toString().replaceAll("\\s+", " ").strip());
			current.setLength(0);
		}
		Stage stage = null;
		for (String instruction : instructions) {
			Matcher from = FROM.matcher(instruction);
			if (from.matches()) {
				stage = new Stage(from.group(1), new ArrayList<>());
				stages.put((from.group(2) != null) ? from.group(2) : "stage" + stages.size(), stage);
			}
			else if (stage == null && instruction.startsWith("ARG ")) {
				String[] arg = instruction.substring(4).split("=", 2);
				args.put(arg[0], (arg.length > 1) ? arg[1] : "");
			}
			else if (stage != null) {
				stage.instructions().add(instruction);
			}
		}
	}

	@Test
	void buildsWithTheMavenWrapperOnJdk17AndRunsOnAGlibcJre17() {
		assertThat(stages.get("build").base()).isEqualTo("${JDK_IMAGE}");
		assertThat(args.get("JDK_IMAGE")).isEqualTo("eclipse-temurin:17-jdk-jammy");
		assertThat(args.get("JRE_IMAGE")).isEqualTo("eclipse-temurin:17-jre-jammy");
		assertThat(stages.get("base-cpu").base()).isEqualTo("${JRE_IMAGE}");
		assertThat(stages.get("app-cpu").all("RUN")).contains("./mvnw").contains("-Pcpu clean package");
		for (String image : args.values()) {
			assertThat(image).as("ND4J needs glibc and libstdc++").doesNotContainIgnoringCase("alpine");
		}
		assertThat(stages.values()).extracting(Stage::base).noneMatch((base) -> base.toLowerCase().contains("alpine"));
	}

	@Test
	void cudaVariantUsesTheCuda116RuntimeAndTheCudaProfile() {
		assertThat(args.get("VARIANT")).isEqualTo("cpu");
		assertThat(args.get("CUDA_IMAGE")).isEqualTo("nvidia/cuda:11.6.2-cudnn8-runtime-ubuntu20.04");
		assertThat(stages.get("base-cuda").base()).isEqualTo("${CUDA_IMAGE}");
		assertThat(stages.get("base-cuda").all("COPY")).contains("--from=jre /opt/java/openjdk");
		assertThat(stages.get("jre").base()).isEqualTo("${JRE_IMAGE}");
		assertThat(stages.get("app-cuda").all("RUN")).contains("-Pcuda clean package");
		// VARIANT picks both the application stage and the runtime base
		assertThat(stages.get("app").base()).isEqualTo("app-${VARIANT}");
		assertThat(stages.get("runtime").base()).isEqualTo("base-${VARIANT}");
		for (String variant : List.of("cpu", "cuda")) {
			assertThat(stages).containsKeys("app-" + variant, "base-" + variant);
		}
		assertThat(text).contains("3.7 to 8.6").contains("no PTX").contains("Hopper (H100/H200)");
	}

	@Test
	void jarIsExtractedIntoLayersCopiedFromLeastToMostOftenChanged() {
		assertThat(stages.get("app-cpu").all("RUN")).contains("java -Djarmode=tools -jar target/forecast-service-*.jar extract --layers --launcher");
		assertThat(stages.get("app-cuda").all("RUN")).contains("extract --layers --launcher");
		List<String> copies = stages.get("runtime").instructions().stream().filter((i) -> i.startsWith("COPY --from=app")).toList();
		assertThat(copies).extracting((copy) -> copy.split(" ")[2]).containsExactly("/natives/", "/extracted/dependencies/",
				"/extracted/spring-boot-loader/", "/extracted/snapshot-dependencies/", "/extracted/application/");
		assertThat(entrypoint()).contains("org.springframework.boot.loader.launch.JarLauncher");
	}

	@Test
	void imagesUseAnExternalDatabaseOnlyAndLeaveTheEmbeddedBinariesOut() {
		for (String app : List.of("app-cpu", "app-cuda")) {
			assertThat(stages.get(app).all("RUN")).as(app)
				.contains("clean package -DskipTests -Dspring-boot.excludeGroupIds=io.zonky.test.postgres");
		}
		assertThat(stages.get("runtime").all("ENV")).contains("FORECAST_DATABASE_EMBEDDED_ENABLED=false");
	}

	@Test
	void runtimeRunsAsANumericNonRootUserAfterEveryRootStep() {
		List<String> runtime = stages.get("runtime").instructions();
		List<String> users = runtime.stream().filter((i) -> i.startsWith("USER ")).toList();
		assertThat(users).containsExactly("USER 10001:10001");
		int user = runtime.indexOf(users.get(0));
		assertThat(runtime.subList(user, runtime.size())).noneMatch((i) -> i.startsWith("RUN "));
		assertThat(stages.get("runtime").all("RUN")).contains("useradd --system --uid 10001");
		assertThat(stages.keySet()).last().isEqualTo("runtime");
	}

	@Test
	void healthcheckCallsTheLivenessGroupWithCurlInstalledInTheImage() {
		String healthcheck = stages.get("runtime").all("HEALTHCHECK");
		assertThat(healthcheck).contains("CMD curl -fsS").contains("/actuator/health/liveness");
		assertThat(stages.get("runtime").all("RUN")).contains("apt-get install -y --no-install-recommends curl");
		assertThat(stages.get("runtime").all("EXPOSE")).isEqualTo("EXPOSE 8080");
	}

	@Test
	void jvmStaysWithinTheContainerLimitAndLoadsPreUnpackedNatives() {
		String env = stages.get("runtime").all("ENV");
		assertThat(env).contains("-XX:MaxRAMPercentage=").contains("-Dorg.bytedeco.javacpp.maxbytes=")
			.contains("-Dorg.bytedeco.javacpp.maxphysicalbytes=").contains("JAVACPP_CACHE_DIR=/tmp/javacpp-cache");
		assertThat(entrypoint()).startsWith("exec java $JAVA_OPTS")
			.contains("-Djava.library.path=$FORECAST_NATIVE_PATH")
			.contains("-Dorg.bytedeco.javacpp.pathsFirst=true")
			.contains("-Dorg.bytedeco.javacpp.cachedir=$JAVACPP_CACHE_DIR");
		assertThat(stages.get("base-cpu").all("ENV")).contains("FORECAST_NATIVE_PATH=/opt/forecast/native");
		assertThat(stages.get("base-cuda").all("ENV")).contains("FORECAST_NATIVE_PATH=/opt/forecast/native:/usr/local/cuda/lib64");
		assertThat(stages.get("app-cpu").all("RUN")).contains("docker/UnpackNatives.java /natives");
	}

	@Test
	void buildContextHoldsExactlyWhatTheBuildCopies() throws IOException {
		List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		assertThat(ignore.get(0)).as("everything is excluded first").isEqualTo("*");
		List<String> included = ignore.stream().filter((line) -> line.startsWith("!")).map((line) -> line.substring(1)).toList();
		List<String> sources = new ArrayList<>();
		for (Stage stage : stages.values()) {
			for (String copy : stage.instructions()) {
				if (copy.startsWith("COPY ") && !copy.contains("--from=")) {
					String[] parts = copy.split(" ");
					sources.addAll(List.of(parts).subList(1, parts.length - 1));
				}
			}
		}
		assertThat(sources).contains("mvnw", "pom.xml", ".mvn/", "db/", "src/main/", "docker/UnpackNatives.java");
		for (String source : sources) {
			assertThat(Path.of(source)).as(source).exists();
			assertThat(included).as("%s is in the build context", source)
				.anyMatch((pattern) -> source.startsWith(pattern) || pattern.startsWith(source));
		}
		assertThat(included).noneMatch((pattern) -> pattern.startsWith("target"));
	}

	private static String entrypoint() {
		String entrypoint = stages.get("runtime").all("ENTRYPOINT");
		assertThat(entrypoint).startsWith("ENTRYPOINT [\"sh\", \"-c\", \"exec java");
		return entrypoint.substring(entrypoint.indexOf("exec java"));
	}

}
