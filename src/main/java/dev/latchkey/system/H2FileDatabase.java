package dev.latchkey.system;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An H2 database kept in files ({@code jdbc:h2:file:./data/latchkey;...}): the directory
 * that holds it and the name its files start with ({@code latchkey.mv.db},
 * {@code latchkey.lock.db}, {@code latchkey.trace.db}, and Latchkey's own
 * {@code latchkey.db-password}).
 *
 * @param url the JDBC URL it was read from
 * @param directory the directory of its files
 * @param name the name every one of its files starts with
 */
record H2FileDatabase(String url, Path directory, String name) {

	private static final String PREFIX = "jdbc:h2:";

	/** {@code mem:}, {@code tcp:}, {@code zip:} and the like, but not a drive letter. */
	private static final Pattern OTHER_PROTOCOL = Pattern.compile("^[A-Za-z][A-Za-z0-9]+:.*");

	/**
	 * The file database a JDBC URL names, if it names one: none for an in-memory or
	 * remote H2 database, nor for any other database.
	 */
	static Optional<H2FileDatabase> of(@Nullable String url) {
		if (url == null || !url.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
			return Optional.empty();
		}
		String location = url.substring(PREFIX.length()).split(";", 2)[0];
		if (location.toLowerCase(Locale.ROOT).startsWith("file:")) {
			location = location.substring("file:".length());
		}
		else if (OTHER_PROTOCOL.matcher(location).matches()) {
			return Optional.empty();
		}
		if (location.startsWith("~")) {
			location = System.getProperty("user.home") + location.substring(1);
		}
		Path file = Path.of(location).toAbsolutePath().normalize();
		if (location.isBlank() || file.getParent() == null || file.getFileName() == null) {
			return Optional.empty();
		}
		return Optional.of(new H2FileDatabase(url, file.getParent(), file.getFileName().toString()));
	}

	/** The file H2 keeps the data in; it exists once the database was created. */
	Path dataFile() {
		return this.directory.resolve(this.name + ".mv.db");
	}

	/** Where the generated password of the database user is kept. */
	Path passwordFile() {
		return this.directory.resolve(this.name + ".db-password");
	}

	/** Whether a file of the directory belongs to this database. */
	boolean owns(Path file) {
		return file.getFileName().toString().startsWith(this.name + ".");
	}

}
