package dev.forecast.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code <directory>.lock}, held while this process runs the server on that directory: a
 * second service on the same directory is refused instead of taking the first one's
 * server away.
 */
final class DirectoryLock implements AutoCloseable {

	private final FileLock lock;

	private DirectoryLock(FileLock lock) {
		this.lock = lock;
	}

	static DirectoryLock acquire(Path directory) {
		Path file = directory.resolveSibling(directory.getFileName() + ".lock");
		try {
			Files.createDirectories(directory.getParent());
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null; // held in this very JVM
			}
			if (lock == null) {
				channel.close();
				throw new EmbeddedDatabaseException(directory + " is in use by another running service (it holds "
						+ file + "): stop that one or choose another forecast.database.embedded.directory");
			}
			return new DirectoryLock(lock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot lock " + file, ex);
		}
	}

	@Override
	public void close() {
		try {
			this.lock.channel().close();
		}
		catch (IOException ex) {
			// the lock goes with the process anyway
		}
	}

}
