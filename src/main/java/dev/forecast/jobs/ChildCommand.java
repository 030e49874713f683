package dev.forecast.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM training one run: this JVM's {@code java}, its class
 * path, and the memory bounds of {@code forecast.worker.*}: heap ({@code run-heap}), the
 * native memory ND4J may allocate ({@code run-native}, JavaCPP's {@code maxbytes}) and
 * the resident size JavaCPP lets the process reach ({@code maxphysicalbytes}). As ND4J's
 * workspaces are allocated natively, beyond JavaCPP's checks, the kernel bounds the
 * memory the child may commit too ({@code ulimit -d}, Linux): past it, allocations fail
 * and the child ends, alone.
 * <p>
 * From the fat jar ({@code java -jar}) the class path is the jar alone and the classes
 * sit in nested jars, so the child starts Spring Boot's {@code PropertiesLauncher} with
 * {@code loader.main} naming {@link TrainingChild}; from a plain class path (Maven, an
 * IDE) it starts {@link TrainingChild} on the same class path.
 */
final class ChildCommand {

	static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

	private static final List<String> PASSED_PROPERTIES = List.of("org.bytedeco.javacpp.cachedir",
			"org.bytedeco.javacpp.pathsFirst", "java.library.path", "java.io.tmpdir");

	private static final Path SHELL = Path.of("/bin/sh");

	private ChildCommand() {
	}

	static List<String> of(WorkerProperties properties) {
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(SHELL) && System.getProperty("os.name", "").startsWith("Linux")) {
			// the kernel's bound on the memory the child may commit: ND4J's workspaces
			// are allocated natively and escape JavaCPP's checks
			command.addAll(List.of(SHELL.toString(), "-c",
					"ulimit -d " + properties.childDataLimit() / 1024 + " && exec \"$@\"", "training-process"));
		}
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx" + properties.runHeap().toMegabytes() + "m");
		command.add("-XX:+UseSerialGC");
		command.add("-Dorg.bytedeco.javacpp.maxbytes=" + properties.runNative().toBytes());
		command.add("-Dorg.bytedeco.javacpp.maxphysicalbytes=" + properties.childPhysicalBytes());
		command.add("-Djava.awt.headless=true");
		// no DL4J memory-crash dumps in the working directory
		command.add("-Dorg.deeplearning4j.crash.reporting.enabled=false");
		for (String name : PASSED_PROPERTIES) {
			String value = System.getProperty(name);
			if (value != null) {
				command.add("-D" + name + "=" + value);
			}
		}
		String classPath = System.getProperty("java.class.path");
		command.add("-cp");
		command.add(classPath);
		if (fromLauncher()) {
			command.add("-Dloader.main=" + TrainingChild.class.getName());
			command.add(LAUNCHER);
		}
		else {
			command.add(TrainingChild.class.getName());
		}
		return command;
	}

	/**
	 * Whether this JVM was started by Spring Boot's launcher (the executable jar, or the
	 * image's unpacked jar with {@code JarLauncher}): the application's classes were then
	 * loaded by the launcher's class loader from nested jars or {@code BOOT-INF}, not
	 * from the class path itself, and the child starts the launcher too.
	 */
	static boolean fromLauncher() {
		return TrainingChild.class.getClassLoader() != ClassLoader.getSystemClassLoader();
	}

}
