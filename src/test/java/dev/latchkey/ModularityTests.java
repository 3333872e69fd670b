package dev.latchkey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module graph is checked, documented from the code, and docs/architecture.md's
 * module table is held to it, so the table cannot go stale.
 */
class ModularityTests {

	static final Path ARCHITECTURE = Path.of("docs", "architecture.md");

	/** A row of the module table: | `name` | what it owns | depends on | */
	private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\|.*\\| ([^|]*) \\|$");

	private static final Pattern MODULE_NAME = Pattern.compile("`(\\w+)`");

	// analysing the classes takes a while; once for all tests
	private static final ApplicationModules MODULES = ApplicationModules.of(LatchkeyApplication.class);

	@Test
	void modulesHaveNoCyclesAndNoReachIntoInternals() {
		MODULES.verify();
	}

	@Test
	void theModulesAreDocumentedFromTheCode() {
		// when: PlantUML diagrams of all modules and of each, and a canvas per module
		new Documenter(MODULES).writeDocumentation();

		// then
		assertThat(Path.of("target", "spring-modulith-docs", "components.puml")).exists();
	}

	@Test
	void theArchitectureDocumentNamesEachModulesRealDependencies() throws IOException {
		// given
		Map<String, Set<String>> real = realDependencies();

		// when
		Map<String, Set<String>> documented = documentedDependencies();

		// then
		assertThat(documented).as("""
				the "depends on" column of the module table in %s; make each row list the module's \
				direct dependencies in backticks, or — for none (the diagram is in \
				target/spring-modulith-docs/components.puml after ./mvnw test -Dtest=ModularityTests)""", ARCHITECTURE)
			.isEqualTo(real);
	}

	private Map<String, Set<String>> realDependencies() {
		return MODULES.stream()
			.collect(Collectors.toMap(ApplicationModule::getName, this::directDependencies, (a, b) -> a, TreeMap::new));
	}

	private Set<String> directDependencies(ApplicationModule module) {
		return module.getDirectDependencies(MODULES)
			.uniqueModules()
			.map(ApplicationModule::getName)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	static Map<String, Set<String>> documentedDependencies() throws IOException {
		Map<String, Set<String>> documented = new TreeMap<>();
		for (String line : moduleTable(Files.readAllLines(ARCHITECTURE))) {
			Matcher row = ROW.matcher(line);
			if (row.matches()) {
				documented.put(row.group(1), names(row.group(2)));
			}
		}
		return documented;
	}

	/** The lines of the first table whose header starts with "| module |". */
	private static List<String> moduleTable(List<String> lines) {
		int start = lines
			.indexOf(lines.stream().filter((line) -> line.startsWith("| module |")).findFirst().orElseThrow());
		int end = start + 1;
		while (end < lines.size() && lines.get(end).startsWith("|")) {
			end++;
		}
		return lines.subList(start + 2, end);
	}

	private static Set<String> names(String cell) {
		Set<String> names = new TreeSet<>();
		Matcher name = MODULE_NAME.matcher(cell);
		while (name.find()) {
			names.add(name.group(1));
		}
		return names;
	}

}
