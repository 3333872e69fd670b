package dev.latchkey.system;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class H2FileDatabaseUnitTests {

	@Test
	void theDefaultUrlNamesTheDataDirectoryAndTheFilesPrefix() {
		H2FileDatabase database = H2FileDatabase.of("jdbc:h2:file:./data/latchkey;AUTO_SERVER=TRUE;WRITE_DELAY=0")
			.orElseThrow();

		assertThat(database.directory()).isEqualTo(Path.of("data").toAbsolutePath());
		assertThat(database.name()).isEqualTo("latchkey");
		assertThat(database.dataFile().getFileName()).hasToString("latchkey.mv.db");
		assertThat(database.passwordFile().getFileName()).hasToString("latchkey.db-password");
	}

	@Test
	void aFileUrlWithoutTheFileProtocolAndOneInTheHomeDirectoryAreFileDatabases() {
		assertThat(H2FileDatabase.of("jdbc:h2:/var/lib/latchkey/db")).get()
			.extracting(H2FileDatabase::directory)
			.isEqualTo(Path.of("/var/lib/latchkey"));
		assertThat(H2FileDatabase.of("jdbc:h2:file:~/latchkey/db")).get()
			.extracting(H2FileDatabase::directory)
			.isEqualTo(Path.of(System.getProperty("user.home"), "latchkey"));
	}

	@Test
	void inMemoryRemoteAndOtherDatabasesAreNotFileDatabases() {
		assertThat(H2FileDatabase.of("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
		assertThat(H2FileDatabase.of("jdbc:h2:tcp://localhost:9092/./data/latchkey")).isEmpty();
		assertThat(H2FileDatabase.of("jdbc:postgresql://127.0.0.1:5432/latchkey")).isEmpty();
		assertThat(H2FileDatabase.of(null)).isEmpty();
	}

	@Test
	void onlyFilesStartingWithTheDatabaseNameBelongToIt() {
		H2FileDatabase database = H2FileDatabase.of("jdbc:h2:file:./data/latchkey").orElseThrow();

		assertThat(database.owns(Path.of("data/latchkey.lock.db"))).isTrue();
		assertThat(database.owns(Path.of("data/latchkey.db-password"))).isTrue();
		assertThat(database.owns(Path.of("data/latchkey-backup.zip"))).isFalse();
		assertThat(database.owns(Path.of("data/notes.txt"))).isFalse();
	}

}
