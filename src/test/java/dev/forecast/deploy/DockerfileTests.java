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
 * The Dockerfile, parsed into stages and instructions (no Docker engine here): stages,
 * base images, a default target that needs no build argument (podman/buildah), the CUDA
 * target, layered extraction, non-root user, healthcheck, JVM flags.
 */
class DockerfileTests {

	private static final Pattern FROM = Pattern.compile("FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?",
			Pattern.CASE_INSENSITIVE);

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
		assertThat(args.get("JDK_IMAGE")).isEqualTo("docker.io/library/eclipse-temurin:17-jdk-jammy");
		assertThat(args.get("JRE_IMAGE")).isEqualTo("docker.io/library/eclipse-temurin:17-jre-jammy");
		assertThat(stages.get("runtime").base()).isEqualTo("${JRE_IMAGE}");
		assertThat(stages.get("app-cpu").all("RUN")).contains("./mvnw").contains("-Pcpu clean package");
		for (String image : args.values()) {
			assertThat(image).as("ND4J needs glibc and libstdc++").doesNotContainIgnoringCase("alpine");
		}
		assertThat(stages.values()).extracting(Stage::base).noneMatch((base) -> base.toLowerCase().contains("alpine"));
	}

	@Test
	void defaultTargetIsTheCpuImageAndNeedsNoBuildArgument() {
		// buildah/podman skip a stage named through an ARG default ("FROM
		// app-${VARIANT}") as unused, then
		// look for it as an image: every stage must be named literally, and ARGs may only
		// name images
		assertThat(stages.keySet()).last().isEqualTo("runtime");
		List<String> defined = new ArrayList<>();
		for (Map.Entry<String, Stage> stage : stages.entrySet()) {
			List<String> references = new ArrayList<>(List.of(stage.getValue().base()));
			Matcher from = Pattern.compile("--from=(\\S+)").matcher(stage.getValue().all("COPY"));
			while (from.find()) {
				references.add(from.group(1));
			}
			for (String reference : references) {
				if (!defined.contains(reference)) {
					String image = expand(reference);
					assertThat(image)
						.as("%s in stage %s: an image named in full (podman resolves no short names)", reference,
								stage.getKey())
						.matches("docker\\.io/[a-z0-9._/-]+:[A-Za-z0-9._-]+");
					assertThat(image).as("%s is not a stage", reference).isNotIn(stages.keySet());
				}
			}
			defined.add(stage.getKey());
		}
		assertThat(args).doesNotContainKey("VARIANT");
		assertThat(text).doesNotContain("${VARIANT}");
		assertThat(stages.get("runtime").all("COPY")).contains("--from=app-cpu").doesNotContain("app-cuda");
	}

	@Test
	void cudaImageIsItsOwnTargetOnTheCuda116RuntimeWithTheCudaProfile() {
		assertThat(args.get("CUDA_IMAGE")).isEqualTo("docker.io/nvidia/cuda:11.6.2-cudnn8-runtime-ubuntu20.04");
		assertThat(stages.get("base-cuda").base()).isEqualTo("${CUDA_IMAGE}");
		assertThat(stages.get("base-cuda").all("COPY")).contains("--from=jre /opt/java/openjdk");
		assertThat(stages.get("jre").base()).isEqualTo("${JRE_IMAGE}");
		assertThat(stages.get("app-cuda").all("RUN")).contains("-Pcuda clean package");
		assertThat(stages.get("runtime-cuda").base()).isEqualTo("base-cuda");
		assertThat(stages.get("runtime-cuda").all("COPY")).contains("--from=app-cuda").doesNotContain("app-cpu");
		assertThat(text).contains("--target runtime-cuda")
			.contains("3.7 to 8.6")
			.contains("no PTX")
			.contains("Hopper (H100/H200)");
	}

	@Test
	void bothRuntimeStagesRunTheSameInstructionsApartFromTheirNativePath() {
		List<String> cpu = stages.get("runtime")
			.instructions()
			.stream()
			.filter((i) -> !i.startsWith("ENV FORECAST_NATIVE_PATH="))
			.toList();
		List<String> cuda = stages.get("runtime-cuda")
			.instructions()
			.stream()
			.filter((i) -> !i.startsWith("ENV FORECAST_NATIVE_PATH="))
			.map((i) -> i.replace("--from=app-cuda", "--from=app-cpu"))
			.toList();
		assertThat(cuda).isEqualTo(cpu);
		assertThat(stages.get("runtime").all("ENV")).contains("FORECAST_VARIANT=cpu");
		assertThat(stages.get("runtime-cuda").all("ENV")).contains("FORECAST_VARIANT=cuda");
	}

	@Test
	void jarIsExtractedIntoLayersCopiedFromLeastToMostOftenChanged() {
		assertThat(stages.get("app-cpu").all("RUN"))
			.contains("java -Djarmode=tools -jar target/forecast-service-*.jar extract --layers --launcher");
		assertThat(stages.get("app-cuda").all("RUN")).contains("extract --layers --launcher");
		List<String> copies = stages.get("runtime")
			.instructions()
			.stream()
			.filter((i) -> i.startsWith("COPY --from=app"))
			.toList();
		assertThat(copies).extracting((copy) -> copy.split(" ")[2])
			.containsExactly("/natives/", "/extracted/dependencies/", "/extracted/spring-boot-loader/",
					"/extracted/snapshot-dependencies/", "/extracted/application/");
		assertThat(entrypoint("runtime")).contains("org.springframework.boot.loader.launch.JarLauncher");
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
		for (String name : List.of("runtime", "runtime-cuda")) {
			List<String> runtime = stages.get(name).instructions();
			List<String> users = runtime.stream().filter((i) -> i.startsWith("USER ")).toList();
			assertThat(users).as(name).containsExactly("USER 10001:10001");
			int user = runtime.indexOf(users.get(0));
			assertThat(runtime.subList(user, runtime.size())).as(name).noneMatch((i) -> i.startsWith("RUN "));
			assertThat(stages.get(name).all("RUN")).contains("useradd --system --uid 10001");
		}
	}

	@Test
	void healthcheckCallsTheLivenessGroupWithCurlInstalledInTheImage() {
		String healthcheck = stages.get("runtime").all("HEALTHCHECK");
		assertThat(healthcheck).contains("CMD curl -fsS").contains("/actuator/health/liveness");
		assertThat(stages.get("runtime").all("RUN")).contains("apt-get install -y --no-install-recommends curl");
		assertThat(stages.get("runtime").all("EXPOSE")).isEqualTo("EXPOSE 8080");
		// podman keeps a HEALTHCHECK only in the docker image format
		assertThat(text).contains("podman build --format docker");
	}

	@Test
	void jvmStaysWithinTheContainerLimitAndLoadsPreUnpackedNatives() {
		String env = stages.get("runtime").all("ENV");
		assertThat(env).contains("-XX:MaxRAMPercentage=")
			.contains("-Dorg.bytedeco.javacpp.maxbytes=")
			.contains("-Dorg.bytedeco.javacpp.maxphysicalbytes=")
			.contains("JAVACPP_CACHE_DIR=/tmp/javacpp-cache");
		for (String name : List.of("runtime", "runtime-cuda")) {
			assertThat(entrypoint(name)).startsWith("exec java $JAVA_OPTS")
				.contains("-Djava.library.path=$FORECAST_NATIVE_PATH")
				.contains("-Dorg.bytedeco.javacpp.pathsFirst=true")
				.contains("-Dorg.bytedeco.javacpp.cachedir=$JAVACPP_CACHE_DIR");
		}
		assertThat(env).contains("FORECAST_NATIVE_PATH=/opt/forecast/native ");
		assertThat(stages.get("runtime-cuda").all("ENV"))
			.contains("FORECAST_NATIVE_PATH=/opt/forecast/native:/usr/local/cuda/lib64");
		// the natives are unpacked and the jars they came from leave the class path
		// (UnpackNativesTests)
		assertThat(stages.get("app-cpu").all("RUN")).contains("docker/UnpackNatives.java /natives /extracted");
	}

	@Test
	void buildContextHoldsExactlyWhatTheBuildCopies() throws IOException {
		List<String> ignore = Files.readAllLines(Path.of(".dockerignore"))
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		assertThat(ignore.get(0)).as("everything is excluded first").isEqualTo("*");
		List<String> included = ignore.stream()
			.filter((line) -> line.startsWith("!"))
			.map((line) -> line.substring(1))
			.toList();
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

	/**
	 * An image reference with the global ARG defaults put in, as a build without
	 * arguments sees it.
	 */
	private static String expand(String reference) {
		Matcher arg = Pattern.compile("\\$\\{(\\w+)}").matcher(reference);
		return arg.replaceAll((match) -> Matcher.quoteReplacement(args.getOrDefault(match.group(1), match.group())));
	}

	private static String entrypoint(String stage) {
		String entrypoint = stages.get(stage).all("ENTRYPOINT");
		assertThat(entrypoint).startsWith("ENTRYPOINT [\"sh\", \"-c\", \"exec java");
		return entrypoint.substring(entrypoint.indexOf("exec java"));
	}

}
