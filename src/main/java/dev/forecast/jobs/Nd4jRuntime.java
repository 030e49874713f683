package dev.forecast.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.forecast.model.CudaSupport;
import dev.forecast.model.Nd4jThreads;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Starts ND4J once, on the backend that can really run here, with the configured thread
 * limits.
 * <p>
 * With the {@code cuda} build both backends are on the class path and ND4J would pick
 * CUDA whenever a GPU is present. The CUDA library of nd4j-cuda-11.6 has kernels only for
 * compute capability 3.7-8.x (see {@link CudaSupport}); on a Hopper (H100/H200) or newer
 * GPU it would load and then fail on the first operation. So before ND4J loads, the GPUs
 * are listed with {@code nvidia-smi}; if any is unsupported (or none answers), ND4J is
 * shown only the CPU backend and a clear message is logged.
 */
@Component
public class Nd4jRuntime {

	private static final Logger log = LoggerFactory.getLogger(Nd4jRuntime.class);

	static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";

	private static final String BACKEND_SERVICE = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";

	private final WorkerProperties properties;

	private volatile boolean started;

	private boolean cuda;

	private int devices = 1;

	Nd4jRuntime(WorkerProperties properties) {
		this.properties = properties;
	}

	/** What to do with the backends on the class path. */
	record Choice(boolean useCuda, String reason) {
	}

	/** The decision as a pure function of what is installed and which GPUs answer. */
	static Choice choose(boolean cudaOnClassPath, List<CudaSupport.Gpu> gpus) {
		if (!cudaOnClassPath) {
			return new Choice(false, "CPU build");
		}
		if (gpus.isEmpty()) {
			return new Choice(false, "the CUDA backend is installed but nvidia-smi lists no GPU; training on the CPU");
		}
		List<CudaSupport.Gpu> unsupported = gpus.stream().filter(gpu -> !gpu.supported()).toList();
		if (!unsupported.isEmpty()) {
			return new Choice(false,
					unsupported + " cannot run the ND4J CUDA backend of this build "
							+ "(nd4j-cuda-11.6 1.0.0-M2.1 has kernels for compute capability 3.7-8.6 only, no PTX: "
							+ "Kepler to Ampere and Ada, not Hopper H100/H200 or newer); training on the CPU instead");
		}
		return new Choice(true, "CUDA on " + gpus);
	}

	public synchronized void start() {
		if (this.started) {
			return;
		}
		boolean cudaPresent = ND4JClassLoading.classPresentOnClasspath(CUDA_BACKEND);
		Choice choice = choose(cudaPresent, cudaPresent ? listGpus() : List.of());
		if (cudaPresent && !choice.useCuda()) {
			log.warn("GPU fallback: {}", choice.reason());
			hideCudaBackend();
		}
		String backend = Nd4j.getBackend().getClass().getSimpleName();
		this.cuda = backend.contains("Cublas") || backend.contains("Cuda");
		if (this.cuda) {
			this.devices = Math.max(1, Nd4j.getAffinityManager().getNumberOfDevices());
		}
		else {
			Nd4jThreads.configure(this.properties.nd4jThreads());
		}
		log.info("ND4J backend {} ({}), {} device(s), {} thread(s) per op", backend, choice.reason(), this.devices,
				Nd4jThreads.maxThreads());
		this.started = true;
	}

	/**
	 * Makes ND4J load its CPU backend in this process even when the CUDA backend is on
	 * the class path (before ND4J is first used).
	 */
	static void hideCudaBackend() {
		if (ND4JClassLoading.classPresentOnClasspath(CUDA_BACKEND)) {
			ND4JClassLoading.setNd4jClassloader(new CpuOnlyClassLoader(ND4JClassLoading.getNd4jClassloader()));
		}
	}

	/** Whether ND4J (and JavaCPP's native libraries) were loaded in this process. */
	public boolean isStarted() {
		return this.started;
	}

	public boolean isCuda() {
		start();
		return this.cuda;
	}

	public int devices() {
		start();
		return this.devices;
	}

	/** Binds the calling thread to a GPU (no-op on the CPU backend). */
	public void bindToDevice(int device) {
		if (isCuda()) {
			Nd4j.getAffinityManager().unsafeSetDevice(device);
		}
	}

	private static List<CudaSupport.Gpu> listGpus() {
		try {
			Process process = new ProcessBuilder("nvidia-smi", "--query-gpu=index,name,compute_cap",
					"--format=csv,noheader")
				.redirectErrorStream(true)
				.start();
			String output;
			try (InputStream in = process.getInputStream()) {
				output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
				log.warn("nvidia-smi failed: {}", output.strip());
				return List.of();
			}
			return CudaSupport.parseNvidiaSmi(output);
		}
		catch (IOException ex) {
			log.warn("nvidia-smi is not available: {}", ex.getMessage());
			return List.of();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return List.of();
		}
	}

	/**
	 * Hides the CUDA backend's service entry from ND4J's backend lookup, so it loads the
	 * CPU backend.
	 */
	static final class CpuOnlyClassLoader extends ClassLoader {

		CpuOnlyClassLoader(ClassLoader parent) {
			super(parent);
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			Enumeration<URL> resources = super.getResources(name);
			if (!BACKEND_SERVICE.equals(name)) {
				return resources;
			}
			List<URL> kept = new ArrayList<>();
			for (URL url : Collections.list(resources)) {
				try (InputStream in = url.openStream()) {
					if (!new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("JCublasBackend")) {
						kept.add(url);
					}
				}
			}
			return Collections.enumeration(kept);
		}

	}

}
