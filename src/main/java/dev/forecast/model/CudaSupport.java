package dev.forecast.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Which GPUs the ND4J CUDA backend of this build (nd4j-cuda-11.6 1.0.0-M2.1) can run on.
 * Its native library carries kernels (SASS) for compute capabilities 3.7 to 8.6 and no
 * PTX, so nothing can be compiled for a newer architecture at load time. SASS runs on
 * later minor versions of the same major version, hence 8.9 (Ada) runs the 8.6 kernels;
 * 9.0 (Hopper: H100, H200) and newer cannot.
 */
public final class CudaSupport {

	/** A device as {@code nvidia-smi} lists it. */
	public record Gpu(int index, String name, int major, int minor) {

		public boolean supported() {
			return CudaSupport.supports(this.major, this.minor);
		}

		@Override
		public String toString() {
			return "GPU " + this.index + " (" + this.name + ", compute capability " + this.major + "." + this.minor
					+ ")";
		}

	}

	private CudaSupport() {
	}

	/** {@code true} for compute capability 3.7 up to (not including) 9.0. */
	public static boolean supports(int major, int minor) {
		if (major < 3 || (major == 3 && minor < 7)) {
			return false;
		}
		return major <= 8;
	}

	/**
	 * Parses {@code nvidia-smi --query-gpu=index,name,compute_cap --format=csv,noheader}
	 * output; lines that do not parse are skipped.
	 */
	public static List<Gpu> parseNvidiaSmi(String output) {
		List<Gpu> gpus = new ArrayList<>();
		for (String line : output.split("\\R")) {
			String[] parts = line.split(",");
			if (parts.length < 3) {
				continue;
			}
			try {
				int index = Integer.parseInt(parts[0].trim());
				String capability = parts[parts.length - 1].trim();
				int dot = capability.indexOf('.');
				int major = Integer.parseInt(dot < 0 ? capability : capability.substring(0, dot));
				int minor = dot < 0 ? 0 : Integer.parseInt(capability.substring(dot + 1));
				String name = String.join(",", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1)).trim();
				gpus.add(new Gpu(index, name, major, minor));
			}
			catch (NumberFormatException ex) {
				// a header or an error line
			}
		}
		return gpus;
	}

}
