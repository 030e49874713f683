package dev.forecast.training;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunStatusTests {

	@Test
	void onlyTheDocumentedMovesAreAllowed() {
		assertThat(RunStatus.sourcesOf(RunStatus.RUNNING)).containsExactly("QUEUED");
		assertThat(RunStatus.sourcesOf(RunStatus.SUCCEEDED)).containsExactly("RUNNING");
		assertThat(RunStatus.sourcesOf(RunStatus.CANCELLED)).containsExactly("QUEUED", "RUNNING");
		assertThat(RunStatus.sourcesOf(RunStatus.QUEUED)).containsExactly("RUNNING");
		assertThat(RunStatus.SUCCEEDED.canMoveTo(RunStatus.RUNNING)).isFalse();
		assertThat(RunStatus.QUEUED.canMoveTo(RunStatus.SUCCEEDED)).isFalse();
		for (RunStatus done : List.of(RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.CANCELLED)) {
			assertThat(done.isFinal()).isTrue();
		}
		assertThat(RunStatus.parse("running")).isEqualTo(RunStatus.RUNNING);
		assertThat(RunStatus.parse("done")).isNull();
	}

}
