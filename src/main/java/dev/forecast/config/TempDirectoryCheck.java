package dev.forecast.config;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Fails start-up at once, before Tomcat or ND4J start, when {@code java.io.tmpdir} is not
 * a writable directory: Tomcat keeps its work files there and multipart uploads are
 * buffered there, so a container with a read-only root needs a writable {@code /tmp}
 * mounted (a tmpfs or an emptyDir). {@link TempDirectoryFailureAnalyzer} says so in the
 * start-up failure report. Registered in {@code META-INF/spring.factories}: it runs
 * before the application context exists.
 */
public class TempDirectoryCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		requireWritable(Path.of(System.getProperty("java.io.tmpdir")));
	}

	static void requireWritable(Path directory) {
		if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
			throw new TempDirectoryNotWritableException(directory);
		}
	}

	/** {@code java.io.tmpdir} is missing or read-only. */
	static class TempDirectoryNotWritableException extends IllegalStateException {

		private final Path directory;

		TempDirectoryNotWritableException(Path directory) {
			super("java.io.tmpdir (" + directory + ") is not a writable directory");
			this.directory = directory;
		}

		Path getDirectory() {
			return this.directory;
		}

	}

}
