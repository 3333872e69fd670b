package dev.latchkey.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the directory of an embedded database and its files to the server's OS user: the
 * directory {@code rwx------}, the database's files {@code rw-------}. The process cannot
 * choose its umask, so H2 creates files as the umask says; the private directory is what
 * keeps other users out of them, and tightening the files is a second layer.
 */
final class DataDirectory {

	private static final Logger logger = LoggerFactory.getLogger(DataDirectory.class);

	static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private DataDirectory() {
	}

	/**
	 * Creates the directory private, or makes an existing one private, before H2 opens
	 * the database. A directory that other users may open and that holds files of
	 * anything but this database (such as {@code /tmp} or a home directory) is not
	 * changed: the server refuses to start instead.
	 */
	static void makePrivate(H2FileDatabase database) {
		Path directory = database.directory();
		try {
			if (!Files.isDirectory(directory)) {
				create(directory);
			}
			if (!supportsPosix(directory)) {
				logger.warn("The file system of {} has no POSIX permissions; its privacy is up to the operator",
						directory);
				return;
			}
			if (!Files.getPosixFilePermissions(directory).equals(PRIVATE_DIRECTORY)) {
				refuseIfShared(database);
				Files.setPosixFilePermissions(directory, PRIVATE_DIRECTORY);
				logger.info("Made the directory of the embedded database private: {}", directory);
			}
			tightenFiles(database);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not make the directory of the embedded database private: "
					+ directory + " (" + ex.getClass().getSimpleName() + ")", ex);
		}
	}

	/**
	 * Makes every file of the database {@code rw-------}: those H2 created since the
	 * start (the lock file is written anew at each open) and those an older version left.
	 */
	static void tightenFiles(H2FileDatabase database) {
		if (!supportsPosix(database.directory())) {
			return;
		}
		for (Path file : files(database.directory())) {
			try {
				// A link is not followed: what it points to is not the database's to
				// change.
				if (database.owns(file) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
						&& !Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(PRIVATE_FILE)) {
					Files.setPosixFilePermissions(file, PRIVATE_FILE);
				}
			}
			catch (IOException ex) {
				// A file H2 deleted in between (a temporary file) needs no tightening.
				logger.debug("Could not tighten {}: {}", file, ex.getClass().getSimpleName());
			}
		}
	}

	private static void create(Path directory) throws IOException {
		Path parent = directory.getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		if (supportsPosix(parent)) {
			// The umask can only take bits away from rwx------; the chmod makes it exact.
			Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
			Files.setPosixFilePermissions(directory, PRIVATE_DIRECTORY);
		}
		else {
			Files.createDirectory(directory);
		}
	}

	private static void refuseIfShared(H2FileDatabase database) throws IOException {
		Path directory = database.directory();
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
		if (permissions.stream().noneMatch(OTHERS::contains)) {
			return;
		}
		Optional<Path> foreign = files(directory).stream().filter((file) -> !database.owns(file)).findFirst();
		if (foreign.isPresent()) {
			throw new IllegalStateException("The directory of the embedded database, " + directory
					+ ", is open to other OS users and holds other files (" + foreign.get().getFileName()
					+ "), so Latchkey will not make it private: give the database a directory of its own in"
					+ " spring.datasource.url, or make this one private (chmod 700 " + directory + ")");
		}
		if (permissions.contains(PosixFilePermission.GROUP_WRITE)
				|| permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
			refusePlantedFiles(database);
		}
	}

	/**
	 * Others could write into the directory, so a file of the database may not be the
	 * server's: a link to elsewhere, or a database someone else made.
	 */
	private static void refusePlantedFiles(H2FileDatabase database) throws IOException {
		UserPrincipal owner = Files.getOwner(database.directory());
		for (Path file : files(database.directory())) {
			if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
					|| !Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).equals(owner)) {
				throw new IllegalStateException("The directory of the embedded database, " + database.directory()
						+ ", is writable by other OS users and " + file.getFileName()
						+ " in it is not a file of its owner; check it, then make the directory private"
						+ " (chmod 700 " + database.directory() + ")");
			}
		}
	}

	static boolean supportsPosix(@Nullable Path path) {
		try {
			return path != null && Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static List<Path> files(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
