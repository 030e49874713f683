package dev.forecast.jobs;

import java.util.List;

import dev.forecast.model.CudaSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Nd4jRuntimeTests {

	@Test
	void usesCudaOnlyWhenEveryGpuIsSupported() {
		var a100 = new CudaSupport.Gpu(0, "NVIDIA A100", 8, 0);
		var h100 = new CudaSupport.Gpu(1, "NVIDIA H100", 9, 0);
		assertThat(Nd4jRuntime.choose(false, List.of(a100)).useCuda()).isFalse();
		assertThat(Nd4jRuntime.choose(true, List.of(a100)).useCuda()).isTrue();
		Nd4jRuntime.Choice hopper = Nd4jRuntime.choose(true, List.of(h100));
		assertThat(hopper.useCuda()).isFalse();
		assertThat(hopper.reason()).contains("H100").contains("3.7-8.6").contains("CPU");
		assertThat(Nd4jRuntime.choose(true, List.of(a100, h100)).useCuda()).isFalse();
		assertThat(Nd4jRuntime.choose(true, List.of()).useCuda()).isFalse();
	}

	@Test
	void defaultCpuWorkersFillTheCores() {
		WorkerProperties defaults = new WorkerProperties(true, 0, 1, null, null, null, null, 3, null, null, null, null);
		assertThat(defaults.cpuWorkers(2)).isEqualTo(2);
		assertThat(new WorkerProperties(true, 0, 2, null, null, null, null, 3, null, null, null, null).cpuWorkers(2))
			.isEqualTo(1);
		assertThat(new WorkerProperties(true, 3, 1, null, null, null, null, 3, null, null, null, null).cpuWorkers(2))
			.isEqualTo(3);
	}

}
