package dev.forecast.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server of this process's own: the binaries from the classpath, a data
 * directory kept between starts (created with {@code initdb} on the first), started with
 * {@code pg_ctl} and stopped by {@link #close()}. It listens on 127.0.0.1 only (TCP, no
 * Unix socket) and trusts local connections as the superuser {@value #USER}: a database
 * for trying the service and for tests, not for production. As root its programs run as
 * described by {@link ServerUser}.
 */
public final class EmbeddedPostgres implements AutoCloseable {

	public static final String USER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

	private final Path home;

	private final Path dataDirectory;

	private final ServerUser user;

	private final int port;

	private final String version;

	private final DirectoryLock lock;

	private final AtomicBoolean stopped = new AtomicBoolean();

	/**
	 * How to start one.
	 *
	 * @param dataDirectory the cluster's directory, created by the first start
	 * @param port the TCP port, or 0 for a free one
	 * @param runAs the user to run PostgreSQL as when this process is root, or null to
	 * choose
	 * @param durable false for a throw-away database (tests): no fsync at all
	 * @param startTimeout how long initdb and the start may take each
	 */
	public record Settings(Path dataDirectory, int port, String runAs, boolean durable, Duration startTimeout) {
	}

	private EmbeddedPostgres(Path home, Path dataDirectory, ServerUser user, int port, String version,
			DirectoryLock lock) {
		this.home = home;
		this.lock = lock;
		this.dataDirectory = dataDirectory;
		this.user = user;
		this.port = port;
		this.version = version;
	}

	/**
	 * Prepares the data directory when it is new, starts the server and waits until it
	 * accepts connections.
	 */
	public static EmbeddedPostgres start(Settings settings) {
		Path data = settings.dataDirectory().toAbsolutePath().normalize();
		Path home = PostgresBinaries.unpack(Path.of(System.getProperty("java.io.tmpdir"), "forecast-postgres"));
		ServerUser user = ServerUser.choose(settings.runAs(), data);
		int port = (settings.port() != 0) ? settings.port() : freePort();
		String version = Processes
			.check(List.of(home.resolve("bin/postgres").toString(), "--version"), settings.startTimeout(),
					"postgres --version")
			.replaceFirst("^.*\\(PostgreSQL\\)\\s*", "");
		EmbeddedPostgres server = new EmbeddedPostgres(home, data, user, port, version, DirectoryLock.acquire(data));
		try {
			server.prepare(settings);
			server.stopLeftOver(settings.startTimeout());
		}
		catch (RuntimeException ex) {
			server.lock.close();
			throw ex;
		}
		List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1",
				"-c", "unix_socket_directories=''"));
		if (!settings.durable()) {
			options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
		}
		Processes.Result started = Processes.run(
				server.pgCtl("start", "-w", "-t", Long.toString(settings.startTimeout().toSeconds()), "-l",
						server.logFile().toString(), "-o", String.join(" ", options)),
				settings.startTimeout().plusSeconds(10));
		if (!started.ok()) {
			server.lock.close();
			throw new EmbeddedDatabaseException("The embedded PostgreSQL did not start (" + user.description() + "): "
					+ started.output() + "\n" + server.logTail());
		}
		return server;
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	public int port() {
		return this.port;
	}

	public Path dataDirectory() {
		return this.dataDirectory;
	}

	public String version() {
		return this.version;
	}

	/**
	 * How the server's programs run (as the current user, in a user namespace, as a
	 * system user).
	 */
	public String runsAs() {
		return this.user.description();
	}

	/**
	 * Stops the server (fast shutdown: open transactions are rolled back); the data
	 * stays.
	 */
	@Override
	public void close() {
		if (this.stopped.getAndSet(true)) {
			return;
		}
		Processes.Result result = Processes.run(pgCtl("stop", "-m", "fast", "-w", "-t", "60"), Duration.ofSeconds(70));
		if (result.ok()) {
			log.info("Embedded PostgreSQL stopped; its data stays in {}", this.dataDirectory);
		}
		else {
			log.warn("Could not stop the embedded PostgreSQL in {}: {}", this.dataDirectory, result.output());
		}
		this.lock.close();
	}

	private void prepare(Settings settings) {
		try {
			Files.createDirectories(this.dataDirectory.getParent());
			if (Files.exists(this.dataDirectory.resolve("PG_VERSION"))) {
				this.user.own(this.dataDirectory); // no-op unless a system user runs it
				return;
			}
			if (Files.isDirectory(this.dataDirectory)) {
				try (Stream<Path> files = Files.list(this.dataDirectory)) {
					if (files.findAny().isPresent()) {
						throw new EmbeddedDatabaseException(this.dataDirectory
								+ " is neither empty nor a PostgreSQL data directory: choose another forecast.database.embedded.directory");
					}
				}
			}
			if (this.user.uid() >= 0) {
				Files.createDirectories(this.dataDirectory);
				Files.setPosixFilePermissions(this.dataDirectory, PosixFilePermissions.fromString("rwx------"));
				this.user.own(this.dataDirectory);
				Processes.Result reach = Processes.run(
						this.user.command(Path.of("test"), List.of("-w", this.dataDirectory.toString())),
						Duration.ofSeconds(30));
				if (!reach.ok()) {
					throw new EmbeddedDatabaseException("The embedded PostgreSQL runs " + this.user.description()
							+ ", who cannot reach " + this.dataDirectory
							+ " (a parent directory closed to other users?): choose a forecast.database.embedded.directory it can reach");
				}
			}
			List<String> args = new ArrayList<>(List.of("-D", this.dataDirectory.toString(), "-U", USER, "-A", "trust",
					"-E", "UTF8", "--no-locale", "--no-instructions"));
			if (!settings.durable()) {
				args.add("--no-sync");
			}
			Processes.check(this.user.command(bin("initdb"), args), settings.startTimeout(),
					"initdb of the embedded PostgreSQL in " + this.dataDirectory + " (" + this.user.description()
							+ ")");
			log.info("Embedded PostgreSQL {}: created a new database cluster in {}", this.version, this.dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare " + this.dataDirectory, ex);
		}
	}

	/**
	 * A server left running on this directory by a service that did not stop it (killed;
	 * the lock says no other service runs it now): stop it first.
	 */
	private void stopLeftOver(Duration timeout) {
		if (Files.exists(this.dataDirectory.resolve("postmaster.pid"))
				&& Processes.run(pgCtl("status"), timeout).ok()) {
			log.warn("A PostgreSQL server left running on {} (its process was killed?): stopping it",
					this.dataDirectory);
			Processes.check(pgCtl("stop", "-m", "fast", "-w", "-t", "60"), Duration.ofSeconds(70), "Stopping it");
		}
	}

	private List<String> pgCtl(String action, String... args) {
		List<String> all = new ArrayList<>(List.of(action, "-D", this.dataDirectory.toString()));
		all.addAll(List.of(args));
		return this.user.command(bin("pg_ctl"), all);
	}

	private Path bin(String program) {
		return this.home.resolve("bin").resolve(program);
	}

	private Path logFile() {
		return this.dataDirectory.resolve("postgresql.log");
	}

	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(logFile());
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException ex) {
			return "(no server log at " + logFile() + ")";
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free TCP port on 127.0.0.1", ex);
		}
	}

}
