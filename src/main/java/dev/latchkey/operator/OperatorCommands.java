package dev.latchkey.operator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

import dev.latchkey.organisation.Organisation;
import dev.latchkey.organisation.OrganisationManagement;
import dev.latchkey.organisation.Organisations;
import dev.latchkey.system.Actor;
import dev.latchkey.system.NotFound;
import dev.latchkey.system.ProblemException;
import dev.latchkey.system.Role;
import dev.latchkey.token.IssuedToken;
import dev.latchkey.token.NewToken;
import dev.latchkey.token.TokenManagement;
import dev.latchkey.user.NewUser;
import dev.latchkey.user.User;
import dev.latchkey.user.UserManagement;
import dev.latchkey.user.Users;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The operator's commands. Secrets (generated passwords, issued tokens) go to standard
 * output alone, so {@code TOKEN=$(latchkey operator issue-token ...)} works; everything
 * else goes to standard error.
 */
@Command(name = "operator", mixinStandardHelpOptions = true,
		description = "Administer a Latchkey installation from the machine it runs on.",
		subcommands = { OperatorCommands.CreateOrganisation.class, OperatorCommands.SetSeats.class,
				OperatorCommands.CreateUser.class, OperatorCommands.IssueToken.class })
final class OperatorCommands {

	private OperatorCommands() {
	}

	/**
	 * What every command shares: its streams, and a refusal turned into a one-line
	 * message and exit code 1.
	 */
	abstract static class OperatorCommand implements Callable<Integer> {

		@Spec
		CommandLine.Model.@Nullable CommandSpec spec;

		@Override
		public final Integer call() throws Exception {
			try {
				return execute();
			}
			catch (ProblemException ex) {
				err().println("refused: " + ex.getMessage());
				return 1;
			}
		}

		abstract int execute() throws Exception;

		PrintWriter out() {
			return spec().commandLine().getOut();
		}

		PrintWriter err() {
			return spec().commandLine().getErr();
		}

		private CommandLine.Model.CommandSpec spec() {
			return Objects.requireNonNull(this.spec, "picocli injects @Spec before it calls the command");
		}

		static Organisation organisationNamed(Organisations organisations, String name) {
			return organisations.findByName(name).orElseThrow(() -> new NotFound("organisation"));
		}

	}

	@Command(name = "create-organisation", mixinStandardHelpOptions = true,
			description = "Create an organisation with a number of license seats.")
	static final class CreateOrganisation extends OperatorCommand {

		@Option(names = "--name", required = true, description = "lower-case name, e.g. acme")
		String name = "";

		@Option(names = "--seats", required = true, description = "license seats")
		int seats;

		private final OrganisationManagement organisations;

		CreateOrganisation(OrganisationManagement organisations) {
			this.organisations = organisations;
		}

		@Override
		int execute() throws Exception {
			Organisation created = this.organisations.create(Actor.operator(), this.name, this.seats);
			err().println("created organisation " + created.name() + " (" + created.id() + ") with " + this.seats
					+ " license seats");
			return 0;
		}

	}

	@Command(name = "set-seats", mixinStandardHelpOptions = true,
			description = "Change the number of license seats of an organisation.")
	static final class SetSeats extends OperatorCommand {

		@Option(names = "--organisation", required = true)
		String organisation = "";

		@Option(names = "--seats", required = true)
		int seats;

		private final OrganisationManagement management;

		private final Organisations organisations;

		SetSeats(OrganisationManagement management, Organisations organisations) {
			this.management = management;
			this.organisations = organisations;
		}

		@Override
		int execute() throws Exception {
			Organisation target = organisationNamed(this.organisations, this.organisation);
			this.management.setLicenseSeats(Actor.operator(), target.id(), this.seats);
			err().println("organisation " + this.organisation + " now has " + this.seats + " license seats");
			return 0;
		}

	}

	@Command(name = "create-user", mixinStandardHelpOptions = true,
			description = "Create a user. The password is read from standard input with --password-stdin,"
					+ " otherwise generated and printed once to standard output.")
	static final class CreateUser extends OperatorCommand {

		@Option(names = "--organisation", required = true)
		String organisation = "";

		@Option(names = "--username", required = true)
		String username = "";

		@Option(names = "--role", defaultValue = "USER", description = "ORG_ADMIN or USER (default: ${DEFAULT-VALUE})")
		Role role = Role.USER;

		@Option(names = "--licensed", description = "give the user a license seat")
		boolean licensed;

		@Option(names = "--email")
		@Nullable String email;

		@Option(names = "--display-name")
		@Nullable String displayName;

		@Option(names = "--password-stdin", description = "read the password from the first line of standard input")
		boolean passwordFromStdin;

		private final OrganisationManagement management;

		private final Organisations organisations;

		private final UserManagement users;

		CreateUser(OrganisationManagement management, Organisations organisations, UserManagement users) {
			this.management = management;
			this.organisations = organisations;
			this.users = users;
		}

		@Override
		int execute() throws Exception {
			Organisation target = organisationNamed(this.organisations, this.organisation);
			String password = this.passwordFromStdin ? readLine() : generatePassword();
			User user = this.users.create(Actor.operator(), target.id(),
					new NewUser(this.username, password, this.role, this.licensed, this.email, this.displayName));
			err().println("created user " + user.username() + " (" + user.id() + "), " + user.role()
					+ (user.licensed() ? ", licensed" : ", unlicensed"));
			if (!this.passwordFromStdin) {
				err().println("password (shown once):");
				out().println(password);
			}
			return 0;
		}

		private static String readLine() throws java.io.IOException {
			BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			String line = reader.readLine();
			return (line != null) ? line : "";
		}

		private static String generatePassword() {
			byte[] bytes = new byte[18];
			new SecureRandom().nextBytes(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}

	}

	@Command(name = "issue-token", mixinStandardHelpOptions = true,
			description = "Issue a token for an org admin and print it once to standard output.")
	static final class IssueToken extends OperatorCommand {

		@Option(names = "--user", required = true, description = "the owner's username")
		String username = "";

		@Option(names = "--name", required = true, description = "the token's name")
		String name = "";

		@Option(names = "--description")
		@Nullable String description;

		@Option(names = "--expires-in-days", description = "lifetime; default: the organisation's default")
		@Nullable Integer expiresInDays;

		@Option(names = "--scope", description = "a scope the token holds; repeat for several; default: api")
		@Nullable List<String> scopes;

		@Option(names = "--allowed-ip",
				description = "an address or CIDR block the token may be used from; repeat for several; default: anywhere")
		@Nullable List<String> allowedIps;

		private final Users users;

		private final TokenManagement tokens;

		IssueToken(Users users, TokenManagement tokens) {
			this.users = users;
			this.tokens = tokens;
		}

		@Override
		int execute() throws Exception {
			User owner = this.users.findByUsername(this.username).orElseThrow(() -> new NotFound("user"));
			IssuedToken issued = this.tokens.issueFor(Actor.operator(), owner.id(),
					new NewToken(this.name, this.description, this.expiresInDays, null, this.scopes, this.allowedIps));
			err()
				.println("issued token '" + this.name + "' (" + issued.view().token().id() + ") for " + owner.username()
						+ ", expires " + issued.view().token().expiresAt() + "; it is shown only this once:");
			out().println(issued.secret().reveal());
			out().flush();
			return 0;
		}

	}

}
