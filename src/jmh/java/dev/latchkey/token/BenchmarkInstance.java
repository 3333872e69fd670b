package dev.latchkey.token;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Role;
import dev.latchkey.user.NewUser;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application without its web server, on a fresh database (an H2 file in a temporary
 * folder, or a fresh schema in PostgreSQL), holding {@code tokens} tokens of which up to
 * 1,000 have known secrets for the benchmarks to present.
 */
final class BenchmarkInstance implements AutoCloseable {

	static final String POSTGRES_URL = System.getProperty("latchkey.bench.postgres.url",
			"jdbc:postgresql://127.0.0.1:5432/latchkey_bench");

	static final String POSTGRES_USER = System.getProperty("latchkey.bench.postgres.username", "postgres");

	private static final int MAX_SAMPLE = 1_000;

	private final ConfigurableApplicationContext context;

	private final String schema;

	final TokenVerification verification;

	final VerificationCache cache;

	final List<String> secrets = new ArrayList<>();

	private final User owner;

	BenchmarkInstance(String database, int tokens) throws Exception {
		List<String> args = new ArrayList<>(List.of("--spring.main.web-application-type=none",
				"--spring.main.banner-mode=off", "--latchkey.scheduling.enabled=false", "--logging.level.root=WARN",
				"--latchkey.admin.password=benchmark-password"));
		if ("postgres".equals(database)) {
			this.schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			execute("create schema " + this.schema);
			args.addAll(List.of("--spring.datasource.url=" + POSTGRES_URL + "?currentSchema=" + this.schema,
					"--spring.datasource.username=" + POSTGRES_USER, "--spring.datasource.password=",
					"--spring.flyway.schemas=" + this.schema, "--spring.flyway.default-schema=" + this.schema));
		}
		else {
			this.schema = "";
			String file = Files.createTempDirectory("latchkey-bench-").resolve("latchkey").toString();
			args.add("--spring.datasource.url=jdbc:h2:file:" + file);
			if (tokens > MAX_SAMPLE) {
				throw new IllegalArgumentException("More than " + MAX_SAMPLE + " tokens is measured on PostgreSQL");
			}
		}
		this.context = new SpringApplicationBuilder(LatchkeyApplication.class).run(args.toArray(String[]::new));
		this.verification = this.context.getBean(TokenVerification.class);
		this.cache = this.context.getBean(VerificationCache.class);
		this.owner = owner();
		fill(tokens);
	}

	/**
	 * Bulk rows from {@code generate_series}, interleaved with the rows whose secrets are
	 * known, so those are spread through the table and its index like any other.
	 */
	private void fill(int tokens) {
		User owner = this.owner;
		JdbcClient jdbc = this.context.getBean(JdbcClient.class);
		int sample = Math.min(tokens, MAX_SAMPLE);
		int bulk = tokens - sample;
		int rounds = 10;
		for (int round = 0; round < rounds; round++) {
			int from = bulk / rounds * round + 1;
			int to = (round == rounds - 1) ? bulk : bulk / rounds * (round + 1);
			if (to >= from) {
				jdbc.sql("""
						insert into api_tokens (id, owner_id, organisation_id, name, digest, hint, status,
						    created_at, created_by, expires_at)
						select gen_random_uuid(), :owner, :org, 'bulk-' || i,
						       encode(sha256(convert_to('bulk-' || i || '-' || :salt, 'UTF8')), 'hex'),
						       'lkp_…bulk', 'ACTIVE', now(), 'benchmark', now() + interval '90 days'
						from generate_series(:from, :to) as i
						""")
					.param("owner", owner.id().value())
					.param("org", owner.organisationId().value())
					.param("salt", UUID.randomUUID().toString())
					.param("from", from)
					.param("to", to)
					.update();
			}
			for (int i = sample / rounds * round; i < ((round == rounds - 1) ? sample : sample / rounds * (round + 1)); i++) {
				this.secrets.add(insert("sample-" + i, TokenScopes.DEFAULT, AllowedAddresses.ANYWHERE));
			}
		}
		if (!this.schema.isEmpty()) {
			jdbc.sql("analyze api_tokens").update();
		}
	}

	/**
	 * Stores one more token with these scopes and allowlist, as the API would, and answers
	 * its secret.
	 */
	String insert(String name, TokenScopes scopes, AllowedAddresses allowedAddresses) {
		TokenSecret secret = this.context.getBean(TokenFormat.class).generate();
		Instant now = Instant.now();
		this.context.getBean(ApiTokens.class)
			.insert(ApiToken.issue(this.owner, new TokenAllowance(0, Integer.MAX_VALUE), new TokenName(name), null,
					scopes, allowedAddresses, secret, Actor.operator(), now, now.plus(Duration.ofDays(90))));
		return secret.reveal();
	}

	private User owner() {
		Organisation organisation = this.context.getBean(OrganisationManagement.class)
			.create(Actor.operator(), "bench", 10);
		return this.context.getBean(UserManagement.class)
			.create(Actor.operator(), organisation.id(),
					new NewUser("bench-admin", "benchmark-password", Role.ORG_ADMIN, true, null, null));
	}

	@Override
	public void close() {
		this.context.close();
		if (!this.schema.isEmpty()) {
			execute("drop schema " + this.schema + " cascade");
		}
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + POSTGRES_URL
					+ " (create the database first: createdb -h 127.0.0.1 -U postgres latchkey_bench)", ex);
		}
	}

}
