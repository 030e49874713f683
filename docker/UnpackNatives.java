import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Image build step, run as a single-file source program with the application's jars on the class
 * path and {@code -Dorg.bytedeco.javacpp.cachedir} set to a scratch folder: loads the ND4J backend
 * once, so JavaCPP unpacks every native library it needs (about 390 MB), then copies them into one
 * flat folder (aliases become relative symbolic links). The image starts Java with
 * {@code -Djava.library.path=<that folder> -Dorg.bytedeco.javacpp.pathsFirst=true}: JavaCPP then
 * loads the libraries in place and writes nothing, so the root file system can be read-only.
 * <p>
 * Usage: {@code java -Dorg.bytedeco.javacpp.cachedir=<scratch> -cp '<lib>/*' UnpackNatives.java <target>}
 */
class UnpackNatives {

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			throw new IllegalArgumentException("usage: UnpackNatives <target folder>");
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
			paths.filter((path) -> path.getFileName().toString().matches("lib.+\\.so(\\.[0-9]+)*")).sorted()
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
			link(target, alias.getFileName().toString(), alias.toRealPath().getFileName().toString());
		}
		System.out.printf("ND4J %s: %d native libraries (%d MB) in %s%n", Nd4j.getBackend().getClass().getSimpleName(),
				files.size() + links.size(), bytes >> 20, target);
	}

	private static void link(Path target, String name, String existing) throws IOException {
		Path link = target.resolve(name);
		if (!name.equals(existing) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
			Files.createSymbolicLink(link, Path.of(existing));
		}
	}

}
