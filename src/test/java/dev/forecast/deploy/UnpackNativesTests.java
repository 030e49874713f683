package dev.forecast.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image's native-library step, {@code docker/UnpackNatives.java}, run as the Dockerfile runs it
 * (a single-file source program in a child JVM), then ND4J loaded from its output the way the
 * image's entry point does, with every place JavaCPP could write to made impossible to create: the
 * image needs no writable cache for the CPU backend, so its root file system can be read-only.
 */
class UnpackNativesTests {

	@Test
	void nd4jLoadsFromThePreUnpackedLibrariesWithoutWritingACache(@TempDir Path dir) throws Exception {
		Path natives = dir.resolve("natives");
		String unpacked = java(dir, "-Dorg.bytedeco.javacpp.cachedir=" + dir.resolve("warmup"), "docker/UnpackNatives.java",
				natives.toString());
		assertThat(unpacked).contains("ND4J CpuBackend");
		assertThat(natives.resolve("libnd4jcpu.so")).isRegularFile();
		assertThat(natives.resolve("libjnind4jcpu.so")).isRegularFile();
		assertThat(natives.resolve("libopenblas.so")).isSymbolicLink();

		// a regular file: no directory can be created below it, not even by root
		Path blocked = Files.writeString(dir.resolve("blocked"), "not a directory");
		Path probe = Files.writeString(dir.resolve("Probe.java"), """
				class Probe {
					public static void main(String[] args) {
						var sum = org.nd4j.linalg.factory.Nd4j.create(new double[] { 1, 2, 3 }).sumNumber();
						System.out.println("sum=" + sum + " maxBytes=" + org.bytedeco.javacpp.Pointer.maxBytes()
								+ " heap=" + Runtime.getRuntime().maxMemory());
					}
				}
				""");
		String loaded = java(dir, "-Xmx256m", "-Dorg.bytedeco.javacpp.maxbytes=100%", "-Djava.library.path=" + natives,
				"-Dorg.bytedeco.javacpp.pathsFirst=true", "-Dorg.bytedeco.javacpp.cachedir=" + blocked.resolve("cache"),
				"-Duser.home=" + blocked.resolve("home"), "-Djava.io.tmpdir=" + blocked.resolve("tmp"), probe.toString());
		assertThat(loaded).contains("sum=6.0");
		long heap = Long.parseLong(loaded.replaceAll("(?s).*heap=(\\d+).*", "$1"));
		assertThat(loaded).contains("maxBytes=" + heap);
	}

	private static String java(Path dir, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path")));
		command.addAll(List.of(args));
		Path log = Files.createTempFile(dir, "java", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
