package dev.forecast.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Who runs PostgreSQL's programs. PostgreSQL refuses to run as root
 * ({@code initdb: cannot be run
 * as root}), so a root process runs them either in a user namespace of its own
 * ({@code unshare -U}: unprivileged there, the files still root's) or as an unprivileged
 * system user ({@code setpriv}, the data directory owned by that user) where user
 * namespaces are not allowed (containers under Docker's default seccomp profile, for
 * one). A process that is not root runs them as itself.
 *
 * @param description how the programs run, for the log
 * @param prefix the command that runs a program that way (empty: directly)
 * @param uid the user owning the data directory, or -1 to leave ownership alone
 * @param gid that user's group
 */
record ServerUser(String description, List<String> prefix, int uid, int gid) {

	/** The system user created when a root process needs one and none is configured. */
	static final String DEFAULT_SYSTEM_USER = "forecast-pg";

	private static final Duration QUICK = Duration.ofSeconds(30);

	static ServerUser current() {
		return new ServerUser("as the current user", List.of(), -1, -1);
	}

	static ServerUser userNamespace() {
		return new ServerUser("as root in a user namespace of its own (unshare -U)", List.of("unshare", "-U"), -1, -1);
	}

	/**
	 * Runs as {@code uid}:{@code gid} through setpriv (util-linux), which changes user
	 * and nothing else.
	 */
	static ServerUser systemUser(String name, int uid, int gid) {
		return new ServerUser("as the unprivileged user " + name + " (uid " + uid + ", setpriv)",
				List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups"), uid, gid);
	}

	/**
	 * The way to run the server's programs for {@code dataDirectory}: as this process
	 * when it is not root; as root, as {@code runAs} when that is set; else as the
	 * (unprivileged) owner of an existing data directory; else in a user namespace when
	 * the kernel allows one; else as the system user {@value #DEFAULT_SYSTEM_USER},
	 * created when missing.
	 */
	static ServerUser choose(String runAs, Path dataDirectory) {
		if (!isRoot()) {
			return current();
		}
		if (runAs != null && !runAs.isBlank()) {
			return lookUp(runAs.strip(), false);
		}
		Path version = dataDirectory.resolve("PG_VERSION");
		int owner = Files.exists(version, LinkOption.NOFOLLOW_LINKS) ? attribute(version, "unix:uid") : -1;
		if (owner > 0) {
			Processes.Result name = Processes.run(List.of("id", "-un", Integer.toString(owner)), QUICK);
			return systemUser(name.ok() ? name.output() : "uid " + owner, owner, attribute(version, "unix:gid"));
		}
		if (userNamespacesWork()) {
			return userNamespace();
		}
		return lookUp(DEFAULT_SYSTEM_USER, true);
	}

	/** The command that runs {@code program} with {@code args} this way. */
	List<String> command(Path program, List<String> args) {
		List<String> command = new ArrayList<>(this.prefix);
		command.add(program.toString());
		command.addAll(args);
		return command;
	}

	/** Gives the directory (and everything in it) to this user, when this way has one. */
	void own(Path directory) {
		if (this.uid < 0 || attribute(directory, "unix:uid") == this.uid) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			for (Path path : paths.toList()) {
				Files.setAttribute(path, "unix:uid", this.uid, LinkOption.NOFOLLOW_LINKS);
				Files.setAttribute(path, "unix:gid", this.gid, LinkOption.NOFOLLOW_LINKS);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot give " + directory + " to uid " + this.uid, ex);
		}
	}

	static boolean isRoot() {
		int uid = attribute(Path.of("/proc/self"), "unix:uid"); // the directory of this
																// process: its owner is
																// our uid
		return (uid >= 0) ? uid == 0 : "root".equals(System.getProperty("user.name"));
	}

	/**
	 * Whether {@code unshare -U} works here and makes PostgreSQL's programs see a user
	 * other than root.
	 */
	static boolean userNamespacesWork() {
		Processes.Result result = Processes.run(List.of("unshare", "-U", "id", "-u"), QUICK);
		return result.ok() && !"0".equals(result.output())
				&& Processes.run(List.of("unshare", "-U", "id", "-un"), QUICK).ok();
	}

	private static ServerUser lookUp(String user, boolean create) {
		Processes.Result uid = Processes.run(List.of("id", "-u", user), QUICK);
		if (!uid.ok() && create) {
			Processes.check(
					List.of("useradd", "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent",
							"--shell", "/usr/sbin/nologin", "--comment", "forecast-service embedded PostgreSQL", user),
					QUICK, "Creating the system user " + user + " for the embedded PostgreSQL (useradd)");
			uid = Processes.run(List.of("id", "-u", user), QUICK);
		}
		if (!uid.ok()) {
			throw new EmbeddedDatabaseException("The embedded PostgreSQL cannot run as root and the user '" + user
					+ "' to run it as does not exist: create it or set forecast.database.embedded.run-as");
		}
		int id = Integer.parseInt(uid.output());
		if (id == 0) {
			throw new EmbeddedDatabaseException("The embedded PostgreSQL cannot run as root (user '" + user + "')");
		}
		int gid = Integer.parseInt(Processes.check(List.of("id", "-g", user), QUICK, "id -g " + user));
		return systemUser(user, id, gid);
	}

	/**
	 * A numeric attribute ({@code unix:uid}, {@code unix:gid}) of {@code path}, or -1
	 * when unknown.
	 */
	private static int attribute(Path path, String name) {
		try {
			return (Integer) Files.getAttribute(path, name);
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return -1;
		}
	}

}
