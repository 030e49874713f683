package dev.forecast.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.forecast.jobs.Nd4jRuntime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bytedeco.javacpp.Pointer;

import org.springframework.stereotype.Component;

/**
 * Memory outside the heap, where training spends it: the process's resident set (from
 * {@code /proc/self/status}), the container's memory limit (cgroup v2 or v1), and the
 * native memory JavaCPP tracks for ND4J with the limit it enforces. The JavaCPP gauges
 * read 0 until ND4J is loaded, so an API instance never loads it for a metric.
 */
@Component
class MemoryMetrics implements MeterBinder {

	private static final Path STATUS = Path.of("/proc/self/status");

	private static final List<Path> LIMITS = List.of(Path.of("/sys/fs/cgroup/memory.max"),
			Path.of("/sys/fs/cgroup/memory/memory.limit_in_bytes"));

	/** cgroup v1 reports "no limit" as a number near Long.MAX_VALUE. */
	private static final long UNLIMITED = 1L << 60;

	private final Nd4jRuntime nd4j;

	MemoryMetrics(Nd4jRuntime nd4j) {
		this.nd4j = nd4j;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (Files.isReadable(STATUS)) {
			Gauge.builder("process.memory.rss", MemoryMetrics::residentBytes)
				.description("Resident set size of the process (heap, native memory, code)")
				.baseUnit("bytes")
				.strongReference(true)
				.register(registry);
		}
		long limit = containerLimit();
		if (limit > 0) {
			Gauge.builder("process.memory.limit", () -> limit)
				.description("Memory limit of the process's container (cgroup)")
				.baseUnit("bytes")
				.strongReference(true)
				.register(registry);
		}
		Gauge.builder("forecast.native.memory.used", this, m -> m.nd4j.isStarted() ? Pointer.totalBytes() : 0)
			.description("Native memory JavaCPP tracks for ND4J's buffers")
			.baseUnit("bytes")
			.register(registry);
		Gauge.builder("forecast.native.memory.max", this, m -> m.nd4j.isStarted() ? Pointer.maxBytes() : 0)
			.description("The limit of native memory JavaCPP enforces (org.bytedeco.javacpp.maxBytes)")
			.baseUnit("bytes")
			.register(registry);
	}

	/** VmRSS of {@code /proc/self/status}, in bytes; NaN when it cannot be read. */
	static double residentBytes() {
		try {
			for (String line : Files.readAllLines(STATUS)) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// not Linux, or no procfs
		}
		return Double.NaN;
	}

	/** The cgroup memory limit, or 0 when there is none or it cannot be read. */
	static long containerLimit() {
		for (Path path : LIMITS) {
			try {
				String text = Files.readString(path).trim();
				if (text.equals("max")) {
					return 0;
				}
				long limit = Long.parseLong(text);
				return limit >= UNLIMITED ? 0 : limit;
			}
			catch (IOException | NumberFormatException ex) {
				// try the next layout
			}
		}
		return 0;
	}

}
