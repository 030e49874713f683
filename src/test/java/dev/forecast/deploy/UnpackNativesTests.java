package dev.forecast.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image's native-library step, {@code docker/UnpackNatives.java}, run as the
 * Dockerfile runs it (a single-file source program in a child JVM, on an extracted
 * application), then ND4J loaded from its output the way the image's entry point does, on
 * the class path it leaves: once with every place JavaCPP could write to impossible to
 * create (a read-only root with no writable /tmp), once with a writable cache directory
 * that must stay empty (the CPU image writes nothing at start).
 */
class UnpackNativesTests {

	@Test
	void nd4jLoadsFromThePreUnpackedLibrariesWithoutWritingACache(@TempDir Path dir) throws Exception {
		// an extracted Boot application holding the native jars of the test class path
		// (as links)
		Path lib = Files.createDirectories(dir.resolve("extracted/dependencies/BOOT-INF/lib"));
		Path index = Files.createDirectories(dir.resolve("extracted/application/BOOT-INF")).resolve("classpath.idx");
		List<String> linked = new ArrayList<>();
		for (String entry : classPath()) {
			String name = Path.of(entry).getFileName().toString();
			if (name.contains("-linux-x86_64") || name.startsWith("nd4j-api-")) {
				Files.createSymbolicLink(lib.resolve(name), Path.of(entry));
				linked.add(name);
			}
		}
		Files.write(index, linked.stream().map((name) -> "- \"BOOT-INF/lib/" + name + "\"").toList());

		Path natives = dir.resolve("natives");
		String unpacked = java(dir, classPath(), "-Dorg.bytedeco.javacpp.cachedir=" + dir.resolve("warmup"),
				"docker/UnpackNatives.java", natives.toString(), dir.resolve("extracted").toString());
		assertThat(unpacked).contains("ND4J CpuBackend").contains("Removed [");
		assertThat(natives.resolve("libnd4jcpu.so")).isRegularFile();
		assertThat(natives.resolve("libjnind4jcpu.so")).isRegularFile();
		assertThat(natives.resolve("libopenblas_nolapack.so.0")).isRegularFile();
		assertThat(natives.resolve("libopenblas_nolapack.so")).isSymbolicLink();
		// found under this name, JavaCPP would copy it into its cache as
		// libopenblas_nolapack.so.0
		assertThat(natives.resolve("libopenblas.so.0")).doesNotExist();
		assertThat(natives.resolve("libopenblas.so")).doesNotExist();

		// the jars the libraries came from are gone from the application and its index;
		// others stay
		List<String> left;
		try (Stream<Path> files = Files.list(lib)) {
			left = files.map((file) -> file.getFileName().toString()).toList();
		}
		assertThat(left)
			.noneMatch((name) -> name.startsWith("nd4j-native-1") || name.startsWith("openblas-")
					|| name.startsWith("javacpp-"))
			.anyMatch((name) -> name.startsWith("nd4j-api-"));
		assertThat(Files.readAllLines(index)).hasSize(left.size())
			.allMatch((line) -> left.stream().anyMatch(line::contains));
		// the class path the image runs on: without the removed jars
		List<String> removed = linked.stream().filter((name) -> !left.contains(name)).toList();
		assertThat(removed).hasSize(3);
		List<String> runtimeClassPath = classPath().stream()
			.filter((entry) -> !removed.contains(Path.of(entry).getFileName().toString()))
			.toList();

		Path probe = Files.writeString(dir.resolve("Probe.java"),
				"""
						class Probe {
							public static void main(String[] args) {
								var a = org.nd4j.linalg.factory.Nd4j.rand(32, 32);
								var sum = org.nd4j.linalg.factory.Nd4j.create(new double[] { 1, 2, 3 }).sumNumber();
								System.out.println("sum=" + sum + " mmul=" + a.mmul(a.transpose()).getDouble(0, 0)
										+ " maxBytes=" + org.bytedeco.javacpp.Pointer.maxBytes() + " heap=" + Runtime.getRuntime().maxMemory());
							}
						}
						""");
		// no writable place at all: a regular file, below which no directory can be
		// created, not even by root
		Path blocked = Files.writeString(dir.resolve("blocked"), "not a directory");
		String loaded = java(dir, runtimeClassPath, "-Xmx256m", "-Dorg.bytedeco.javacpp.maxbytes=100%",
				"-Djava.library.path=" + natives, "-Dorg.bytedeco.javacpp.pathsFirst=true",
				"-Dorg.bytedeco.javacpp.cachedir=" + blocked.resolve("cache"), "-Duser.home=" + blocked.resolve("home"),
				"-Djava.io.tmpdir=" + blocked.resolve("tmp"), probe.toString());
		assertThat(loaded).contains("sum=6.0").contains("mmul=");
		long heap = Long.parseLong(loaded.replaceAll("(?s).*heap=(\\d+).*", "$1"));
		assertThat(loaded).contains("maxBytes=" + heap);

		// writable cache, home and tmp, as in a container with a tmpfs /tmp: JavaCPP
		// still writes nothing
		Path tmp = Files.createDirectories(dir.resolve("tmp"));
		Path cache = tmp.resolve("javacpp-cache");
		String again = java(dir, runtimeClassPath, "-Xmx256m", "-Djava.library.path=" + natives,
				"-Dorg.bytedeco.javacpp.pathsFirst=true", "-Dorg.bytedeco.javacpp.cachedir=" + cache,
				"-Duser.home=" + dir.resolve("home"), "-Djava.io.tmpdir=" + tmp, probe.toString());
		assertThat(again).contains("sum=6.0");
		try (Stream<Path> written = Files.walk(tmp)) {
			assertThat(written.filter(Files::isRegularFile)).as("files JavaCPP wrote").isEmpty();
		}
		assertThat(dir.resolve("home")).doesNotExist();
	}

	private static List<String> classPath() {
		return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
	}

	private static String java(Path dir, List<String> classPath, String... args)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						String.join(File.pathSeparator, classPath)));
		command.addAll(List.of(args));
		Path log = Files.createTempFile(dir, "java", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("finished").isTrue();
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
