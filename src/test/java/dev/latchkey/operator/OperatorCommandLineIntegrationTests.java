package dev.latchkey.operator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.latchkey.testing.Api;
import dev.latchkey.testing.ApiResponse;
import dev.latchkey.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operator commands, run as a separate process from the packaged jar, against the
 * database of the running server (on H2 through its AUTO_SERVER mode), as an operator
 * would.
 */
@IntegrationTest
class OperatorCommandLineIntegrationTests {

	private static final Path JAR = Path.of("target", "latchkey.jar");

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	Api api;

	@BeforeEach
	void setUp() {
		assumeTrue(Files.exists(JAR), "target/latchkey.jar is built by 'mvn package' before the integration tests");
		this.api = new Api(this.port);
	}

	@Test
	void anOperatorCreatesAnOrganisationAndAnAdminAndIssuesATokenThatWorks() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String organisation = "cli-" + suffix;
		String admin = "cli-admin-" + suffix;

		Result created = operator(null, "create-organisation", "--name", organisation, "--seats", "3");
		Result user = operator("a long enough password\n", "create-user", "--organisation", organisation, "--username",
				admin, "--role", "ORG_ADMIN", "--licensed", "--password-stdin");
		Result issued = operator(null, "issue-token", "--user", admin, "--name", "from-cli", "--expires-in-days", "30");

		assertThat(created.exitCode()).as(created.err()).isZero();
		assertThat(user.exitCode()).as(user.err()).isZero();
		assertThat(user.out()).isEmpty();
		assertThat(issued.exitCode()).as(issued.err()).isZero();
		String secret = issued.out().strip();
		assertThat(secret).matches("lkp_[0-9A-Za-z]{36}");
		assertThat(issued.err()).doesNotContain(secret);
		ApiResponse me = this.api.get("/api/v1/me", secret);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("organisation").get("name").asString()).isEqualTo(organisation);
		assertThat(me.json().get("user").get("username").asString()).isEqualTo(admin);
	}

	@Test
	void aRefusalIsOneLineAndExitCode1() throws Exception {
		Result refused = operator(null, "issue-token", "--user", "nobody-" + UUID.randomUUID(), "--name", "x");
		Result usage = operator(null, "create-organisation");

		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.err()).contains("refused:").doesNotContain("Exception");
		assertThat(usage.exitCode()).isEqualTo(2);
		assertThat(usage.err()).contains("--name");
	}

	@Test
	void aGeneratedPasswordIsPrintedOnceToStandardOutput() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		operator(null, "create-organisation", "--name", "pw-" + suffix, "--seats", "1");

		Result user = operator(null, "create-user", "--organisation", "pw-" + suffix, "--username",
				"pw-user-" + suffix);

		assertThat(user.exitCode()).as(user.err()).isZero();
		assertThat(user.out().strip()).hasSizeGreaterThanOrEqualTo(20);
		assertThat(user.err()).doesNotContain(user.out().strip());
	}

	private Result operator(String stdin, String... args) throws IOException, InterruptedException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString(), "operator"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> env = builder.environment();
		env.put("SPRING_DATASOURCE_URL", this.environment.getRequiredProperty("spring.datasource.url"));
		env.put("SPRING_DATASOURCE_USERNAME", this.environment.getRequiredProperty("spring.datasource.username"));
		// On H2 the command reads the generated password beside the database, as the
		// server does.
		String password = this.environment.getProperty("spring.datasource.password");
		if (password != null) {
			env.put("SPRING_DATASOURCE_PASSWORD", password);
		}
		String schema = this.environment.getProperty("spring.flyway.default-schema");
		if (schema != null) {
			env.put("SPRING_FLYWAY_DEFAULT_SCHEMA", schema);
			env.put("SPRING_FLYWAY_SCHEMAS", schema);
		}
		Path out = Files.createTempFile("operator-out", ".txt");
		Path err = Files.createTempFile("operator-err", ".txt");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		try (OutputStream input = process.getOutputStream()) {
			if (stdin != null) {
				input.write(stdin.getBytes(StandardCharsets.UTF_8));
			}
		}
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("operator command finished").isTrue();
		return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	record Result(int exitCode, String out, String err) {

	}

}
