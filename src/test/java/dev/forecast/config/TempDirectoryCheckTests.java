package dev.forecast.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.forecast.ForecastApplication;
import dev.forecast.config.TempDirectoryCheck.TempDirectoryNotWritableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Start-up without a writable temporary directory fails at once and says what to mount.
 */
class TempDirectoryCheckTests {

	@Test
	void aWritableDirectoryPasses(@TempDir Path dir) {
		assertThatNoException().isThrownBy(() -> TempDirectoryCheck.requireWritable(dir));
	}

	@Test
	void aMissingOrUncreatableDirectoryFails(@TempDir Path dir) throws IOException {
		// below a regular file: not even root can create it
		Path blocked = Files.writeString(dir.resolve("file"), "not a directory").resolve("tmp");
		assertThatExceptionOfType(TempDirectoryNotWritableException.class)
			.isThrownBy(() -> TempDirectoryCheck.requireWritable(blocked))
			.withMessageContaining(blocked.toString());
		FailureAnalysis analysis = new TempDirectoryFailureAnalyzer()
			.analyze(new IllegalStateException(new TempDirectoryNotWritableException(blocked)));
		assertThat(analysis.getDescription()).contains(blocked.toString()).contains("read-only");
		assertThat(analysis.getAction()).contains("Mount a writable /tmp")
			.contains("--tmpfs /tmp")
			.contains("emptyDir");
	}

	@Test
	void theApplicationStopsBeforeStartingAnythingAndSaysWhatToMount(@TempDir Path dir) throws Exception {
		Path blocked = Files.writeString(dir.resolve("file"), "not a directory").resolve("tmp");
		Path log = dir.resolve("start.log");
		Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + blocked,
				"-Dspring.main.banner-mode=off", ForecastApplication.class.getName()))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isNotZero();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The temporary directory " + blocked + " (java.io.tmpdir) does not exist or is read-only")
			.contains("Mount a writable /tmp")
			.doesNotContain("HikariPool")
			.doesNotContain("Starting service");
	}

}
