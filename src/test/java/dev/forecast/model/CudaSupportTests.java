package dev.forecast.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CudaSupportTests {

	@Test
	void keplerToAdaAreSupportedHopperAndNewerAreNot() {
		assertThat(CudaSupport.supports(3, 5)).isFalse();
		assertThat(CudaSupport.supports(3, 7)).isTrue(); // K80
		assertThat(CudaSupport.supports(7, 0)).isTrue(); // V100
		assertThat(CudaSupport.supports(8, 0)).isTrue(); // A100
		assertThat(CudaSupport.supports(8, 6)).isTrue(); // RTX 30
		assertThat(CudaSupport.supports(8, 9)).isTrue(); // Ada (runs sm_86 code)
		assertThat(CudaSupport.supports(9, 0)).isFalse(); // H100, H200
		assertThat(CudaSupport.supports(10, 0)).isFalse(); // B200
		assertThat(CudaSupport.supports(12, 0)).isFalse();
	}

	@Test
	void parsesNvidiaSmiOutput() {
		var gpus = CudaSupport
			.parseNvidiaSmi("0, NVIDIA H100 80GB HBM3, 9.0\n1, NVIDIA A10G, 8.6\nNo devices were found\n");
		assertThat(gpus).hasSize(2);
		assertThat(gpus.get(0)).isEqualTo(new CudaSupport.Gpu(0, "NVIDIA H100 80GB HBM3", 9, 0));
		assertThat(gpus.get(0).supported()).isFalse();
		assertThat(gpus.get(1).supported()).isTrue();
	}

}
