package dev.latchkey.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the reliability suites report their figures: one line on standard output and a
 * file {@code target/reliability/<suite>-<database>.txt}, from which docs/reliability.md
 * is kept.
 */
public final class Reliability {

	private Reliability() {
	}

	public static void report(String suite, Map<String, ?> figures) {
		String line = figures.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(", "));
		System.out.println("RELIABILITY " + suite + " [" + TestDatabase.DATABASE + "]: " + line);
		try {
			Path directory = Files.createDirectories(Path.of("target", "reliability"));
			Files.writeString(directory.resolve(suite + "-" + TestDatabase.DATABASE + ".txt"), line + "\n");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
