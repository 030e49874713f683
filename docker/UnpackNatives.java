import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Image build step, run as a single-file source program with the application's jars on the class
 * path and {@code -Dorg.bytedeco.javacpp.cachedir} set to a scratch folder: loads the ND4J backend
 * once, so JavaCPP unpacks every native library it needs, then copies them into one flat folder
 * (aliases become relative symbolic links). The image starts Java with
 * {@code -Djava.library.path=<that folder> -Dorg.bytedeco.javacpp.pathsFirst=true}, and JavaCPP
 * loads the libraries in place.
 * <p>
 * Two things would still make JavaCPP write a cache at every start, so both are undone here:
 * <ul>
 * <li>The jars the libraries came from (JavaCPP's cache names its folders after them): with them on
 * the class path, a library wanted under another name is extracted from the jar again. With the
 * second argument, the extracted Boot application folder, they are deleted from it and from its
 * {@code classpath.idx}: the image carries its natives once.</li>
 * <li>{@code libopenblas.so.0}: OpenBLAS (with LAPACK) is loaded under the name
 * {@code libopenblas_nolapack.so.0} (the preset's preload {@code openblas@.0#openblas_nolapack@.0}),
 * and a renamed load is always a copy into the cache (30 MB). The folder holds it only as
 * {@code libopenblas_nolapack.so.0}, which JavaCPP loads in place; its SONAME
 * {@code libopenblas.so.0} then satisfies {@code libnd4jcpu.so}'s dependency.</li>
 * </ul>
 * Usage: {@code java -Dorg.bytedeco.javacpp.cachedir=<scratch> -cp '<lib>/*' UnpackNatives.java <target> [<extracted app>]}
 */
class UnpackNatives {

	/** Names JavaCPP must not find on the library path (see above). */
	private static final Set<String> RENAMED = Set.of("libopenblas.so", "libopenblas.so.0");

	public static void main(String[] args) throws IOException {
		if (args.length < 1 || args.length > 2) {
			throw new IllegalArgumentException("usage: UnpackNatives <target folder> [<extracted application folder>]");
		}
		double sum = Nd4j.create(new double[] { 1, 2, 3 }).sumNumber().doubleValue();
		if (sum != 6) {
			throw new IllegalStateException("ND4J computed " + sum + " for 1 + 2 + 3");
		}
		Path cache = Loader.getCacheDir().toPath();
		Path target = Files.createDirectories(Path.of(args[0]));
		List<Path> files = new ArrayList<>();
		List<Path> links = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(cache)) {
			paths.filter((path) -> path.getFileName().toString().matches("lib.+\\.so(\\.[0-9]+)*"))
				.filter((path) -> !RENAMED.contains(path.getFileName().toString()))
				.sorted()
				.forEach((path) -> (Files.isSymbolicLink(path) ? links : files).add(path));
		}
		Map<Object, String> copied = new HashMap<>();
		long bytes = 0;
		for (Path file : files) {
			String name = file.getFileName().toString();
			Object key = Files.readAttributes(file, "unix:ino", LinkOption.NOFOLLOW_LINKS).get("ino");
			String same = copied.get(key);
			if (same != null) {
				link(target, name, same);
			}
			else if (!Files.exists(target.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
				Files.copy(file, target.resolve(name));
				copied.put(key, name);
				bytes += Files.size(file);
			}
		}
		for (Path alias : links) {
			Path real = alias.toRealPath();
			if (!RENAMED.contains(real.getFileName().toString())) {
				link(target, alias.getFileName().toString(), real.getFileName().toString());
			}
		}
		if (!Files.isRegularFile(target.resolve("libopenblas_nolapack.so.0"))) {
			throw new IllegalStateException("JavaCPP unpacked no libopenblas_nolapack.so.0 into " + cache);
		}
		System.out.printf("ND4J %s: %d native libraries (%d MB) in %s%n", Nd4j.getBackend().getClass().getSimpleName(),
				files.size() + links.size(), bytes >> 20, target);
		if (args.length == 2) {
			removeJars(cache, Path.of(args[1]));
		}
	}

	/** Deletes the jars the cache was filled from out of the extracted application and its classpath.idx. */
	private static void removeJars(Path cache, Path application) throws IOException {
		Set<String> jars = new TreeSet<>();
		try (Stream<Path> entries = Files.list(cache)) {
			entries.map((entry) -> entry.getFileName().toString()).filter((name) -> name.endsWith(".jar")).forEach(jars::add);
		}
		List<Path> removed = new ArrayList<>();
		List<Path> indexes = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(application)) {
			paths.forEach((path) -> {
				String name = path.getFileName().toString();
				if (jars.contains(name)) {
					removed.add(path);
				}
				else if (name.equals("classpath.idx")) {
					indexes.add(path);
				}
			});
		}
		if (removed.size() != jars.size()) {
			throw new IllegalStateException("Expected the jars " + jars + " in " + application + ", found " + removed);
		}
		for (Path jar : removed) {
			Files.delete(jar);
		}
		for (Path index : indexes) {
			List<String> lines = Files.readAllLines(index).stream()
				.filter((line) -> jars.stream().noneMatch((jar) -> line.contains("/" + jar + "\"")))
				.toList();
			Files.write(index, lines);
		}
		System.out.printf("Removed %s from %s (their libraries are in the native folder)%n", jars, application);
	}

	private static void link(Path target, String name, String existing) throws IOException {
		Path link = target.resolve(name);
		if (!name.equals(existing) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
			Files.createSymbolicLink(link, Path.of(existing));
		}
	}

}
