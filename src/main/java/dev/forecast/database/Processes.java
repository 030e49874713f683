package dev.forecast.database;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short command to completion with its output captured (stdout and stderr
 * together).
 */
final class Processes {

	record Result(int exitCode, String output) {

		boolean ok() {
			return this.exitCode == 0;
		}

	}

	private Processes() {
	}

	/** Runs {@code command}; an exit code other than 0 is returned, not thrown. */
	static Result run(List<String> command, Duration timeout) {
		Path output = null;
		try {
			// to a file, not a pipe: a child that keeps the pipe open cannot make this
			// wait forever
			output = Files.createTempFile("forecast-db-command", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			// the C locale for the server's tools, and no PG* variable of the caller's
			// shell
			builder.environment().put("LC_ALL", "C");
			builder.environment().keySet().removeIf((name) -> name.startsWith("PG"));
			Process process = builder.start();
			boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (!exited) {
				process.destroyForcibly();
			}
			String text = Files.readString(output, StandardCharsets.UTF_8).strip();
			return exited ? new Result(process.exitValue(), text)
					: new Result(-1, text + " (no exit after " + timeout.toSeconds() + " s)");
		}
		catch (IOException ex) {
			return new Result(-1, "cannot run " + command.get(0) + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(-1, "interrupted while running " + command.get(0));
		}
		finally {
			deleteQuietly(output);
		}
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// a temporary file left behind
			}
		}
	}

	/** Runs {@code command} and throws, with its output, unless it exits with 0. */
	static String check(List<String> command, Duration timeout, String what) {
		Result result = run(command, timeout);
		if (!result.ok()) {
			throw new EmbeddedDatabaseException(what + " failed (exit " + result.exitCode() + "): " + result.output());
		}
		return result.output();
	}

}
