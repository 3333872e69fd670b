package dev.latchkey.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The password of the embedded database's user, generated once and kept in a file beside
 * the database ({@code latchkey.db-password}, {@code rw-------}), where the server and
 * the operator commands both read it. Whoever can read that file can read the database
 * files too, so the password adds nothing for them; it stops everyone else who learns the
 * TCP address and key H2's AUTO_SERVER writes to its lock file. The password itself is
 * never logged.
 */
final class DatabasePassword {

	private static final Logger logger = LoggerFactory.getLogger(DatabasePassword.class);

	/** What H2 answers to a wrong user name or password. */
	private static final String INVALID_AUTHORIZATION = "28000";

	private static final SecureRandom RANDOM = new SecureRandom();

	private DatabasePassword() {
	}

	/**
	 * The password from the file; if there is none yet, a new one, written to the file
	 * and, on a database an older version created with an empty password, set on its
	 * user.
	 */
	static String readOrCreate(H2FileDatabase database, String username) {
		try {
			if (Files.exists(database.passwordFile())) {
				return read(database.passwordFile());
			}
			if (!Files.exists(database.dataFile())) {
				// H2 gives the new database this password when the server first connects.
				String password = write(database, generate());
				logger.info("Generated the password of the embedded database, kept in {}", database.passwordFile());
				return password;
			}
			return migrate(database, username);
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Could not read or write " + database.passwordFile() + " (" + ex.getClass().getSimpleName() + ")",
					ex);
		}
	}

	/** An older version's database: its user has the empty password until now. */
	private static String migrate(H2FileDatabase database, String username) throws IOException {
		try (Connection connection = connectWithEmptyPassword(database, username)) {
			String password = write(database, generate());
			try (PreparedStatement alter = connection
				.prepareStatement("ALTER USER " + quoted(username) + " SET PASSWORD ?")) {
				alter.setString(1, password);
				alter.execute();
			}
			catch (SQLException ex) {
				Files.deleteIfExists(database.passwordFile());
				throw new IllegalStateException("Could not set the password of the embedded database's user", ex);
			}
			logger.warn("The embedded database {} had an empty password; it now has a generated one, kept in {}",
					database.dataFile(), database.passwordFile());
			return password;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set a password on the embedded database " + database.dataFile()
					+ (INVALID_AUTHORIZATION.equals(ex.getSQLState())
							? ": it has a password, but its password file " + database.passwordFile()
									+ " is missing; restore that file from the backup the database came from,"
									+ " or set spring.datasource.password"
							: ""),
					ex);
		}
	}

	private static Connection connectWithEmptyPassword(H2FileDatabase database, String username) throws SQLException {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), username, "");
		dataSource.setDriverClassName("org.h2.Driver");
		return dataSource.getConnection();
	}

	private static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Writes the password to a private temporary file on disk first and then moves it in
	 * place, so no reader sees half a file; if another process (the server and an
	 * operator command starting together) was first, its password wins.
	 */
	private static String write(H2FileDatabase database, String password) throws IOException {
		Path temporary = DataDirectory.supportsPosix(database.directory())
				? Files.createTempFile(database.directory(), database.name() + ".db-password.", ".tmp",
						PosixFilePermissions.asFileAttribute(DataDirectory.PRIVATE_FILE))
				: Files.createTempFile(database.directory(), database.name() + ".db-password.", ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				channel.write(ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.US_ASCII)));
				channel.force(true);
			}
			Files.move(temporary, database.passwordFile());
			syncDirectory(database.directory());
			return password;
		}
		catch (FileAlreadyExistsException ex) {
			return read(database.passwordFile());
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** The move is on disk before the database's user gets the password. */
	private static void syncDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Not every platform can sync a directory; the file itself is on disk.
			logger.debug("Could not sync {}: {}", directory, ex.getClass().getSimpleName());
		}
	}

	private static String read(Path file) throws IOException {
		String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
		if (password.isEmpty()) {
			throw new IllegalStateException("The password file of the embedded database is empty: " + file);
		}
		return password;
	}

	/** H2 keeps user names in upper case. */
	private static String quoted(String username) {
		return "\"" + username.toUpperCase(Locale.ROOT).replace("\"", "\"\"") + "\"";
	}

}
