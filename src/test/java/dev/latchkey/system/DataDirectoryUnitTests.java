package dev.latchkey.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DataDirectoryUnitTests {

	@TempDir
	Path parent;

	@Test
	void aMissingDirectoryIsCreatedPrivate() throws IOException {
		H2FileDatabase database = database(this.parent.resolve("data/nested"));

		DataDirectory.makePrivate(database);

		assertThat(permissions(database.directory())).isEqualTo("rwx------");
	}

	@Test
	void anOldInstallsOpenDirectoryAndFilesAreMadePrivate() throws IOException {
		Path data = Files.createDirectory(this.parent.resolve("data"));
		Path file = Files.writeString(data.resolve("latchkey.mv.db"), "data");
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

		DataDirectory.makePrivate(database(data));

		assertThat(permissions(data)).isEqualTo("rwx------");
		assertThat(permissions(file)).isEqualTo("rw-------");
	}

	@Test
	void aSharedDirectoryIsRefusedAndLeftAsItWas() throws IOException {
		Path shared = Files.createDirectory(this.parent.resolve("shared"));
		Files.writeString(shared.resolve("someone-elses.txt"), "theirs");
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

		assertThatIllegalStateException().isThrownBy(() -> DataDirectory.makePrivate(database(shared)))
			.withMessageContaining("chmod 700");
		assertThat(permissions(shared)).isEqualTo("rwxrwxrwx");
	}

	@Test
	void aLinkPlantedInADirectoryOthersCouldWriteIsRefused() throws IOException {
		Path data = Files.createDirectory(this.parent.resolve("data"));
		Path elsewhere = Files.writeString(this.parent.resolve("elsewhere.mv.db"), "theirs");
		Files.createSymbolicLink(data.resolve("latchkey.mv.db"), elsewhere);
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));

		assertThatIllegalStateException().isThrownBy(() -> DataDirectory.makePrivate(database(data)))
			.withMessageContaining("latchkey.mv.db");
		assertThat(permissions(data)).isEqualTo("rwxrwxrwx");
	}

	@Test
	void filesOfSomethingElseInAPrivateDirectoryAreLeftAlone() throws IOException {
		Path data = Files.createDirectory(this.parent.resolve("data"));
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
		Path other = Files.writeString(data.resolve("notes.txt"), "mine");
		Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-r--r--"));

		DataDirectory.makePrivate(database(data));

		assertThat(permissions(other)).isEqualTo("rw-r--r--");
	}

	private static H2FileDatabase database(Path directory) {
		return H2FileDatabase.of("jdbc:h2:file:" + directory.resolve("latchkey")).orElseThrow();
	}

	private static String permissions(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
