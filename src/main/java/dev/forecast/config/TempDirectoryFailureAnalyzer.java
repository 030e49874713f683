package dev.forecast.config;

import dev.forecast.config.TempDirectoryCheck.TempDirectoryNotWritableException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link TempDirectoryCheck}'s failure into a start-up report that says what to
 * mount.
 */
class TempDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<TempDirectoryNotWritableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TempDirectoryNotWritableException cause) {
		return new FailureAnalysis(
				"The temporary directory " + cause.getDirectory() + " (java.io.tmpdir) does not "
						+ "exist or is read-only. The service writes Tomcat's work files and buffers uploads there; "
						+ "the ND4J native libraries of the CPU image need nothing writable.",
				"Mount a writable /tmp: 'docker run --read-only --tmpfs /tmp ...', 'tmpfs: [/tmp]' in docker compose, "
						+ "an emptyDir volume on /tmp in Kubernetes (the Helm chart mounts one); or point "
						+ "-Djava.io.tmpdir at a writable directory.",
				cause);
	}

}
