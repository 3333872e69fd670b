package dev.latchkey.console;

import java.util.Arrays;
import java.util.List;

import dev.latchkey.system.ProblemException;
import dev.latchkey.system.ProblemType;
import org.jspecify.annotations.Nullable;

/**
 * The scopes and allowlist fields of the create dialog and the edit page: how the typed
 * text becomes the lists the token module judges, and which field a refusal belongs to.
 * The token module is the one judge of both; nothing here decides what is valid.
 */
final class TokenAccess {

	private TokenAccess() {
	}

	/** The allowlist as typed: one entry a line; blank lines are ignored. */
	static List<String> lines(@Nullable String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("\\R")).map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	/** The allowlist as the textarea shows it. */
	static String text(List<String> entries) {
		return String.join("\n", entries);
	}

	/**
	 * The scopes ticked. The form always sends an empty {@code scopes} value as well, so
	 * that ticking none is told apart from a request that names no scopes at all.
	 */
	static List<String> ticked(@Nullable List<String> scopes) {
		return (scopes != null) ? scopes.stream().filter((scope) -> !scope.isBlank()).toList() : List.of();
	}

	/**
	 * A refusal, shown next to the field it is about, or above the form when it is about
	 * neither.
	 */
	record Refusal(@Nullable String scopes, @Nullable String allowedIps, @Nullable String general) {

		static Refusal of(ProblemException ex) {
			String detail = ex.getMessage().replace("'allowedIps'", "the allowlist").replace("'scopes'", "scopes");
			return switch (ex.type().slug()) {
				case "invalid-allowed-ips" -> new Refusal(null, detail, null);
				case "invalid-scope", "unknown-scope", "scope-widening" -> new Refusal(detail, null, null);
				default -> new Refusal(null, null, detail);
			};
		}

	}

	/**
	 * Every box unticked: a token holds at least one scope. Said here, next to the
	 * checkboxes, rather than as the API's message about a parameter.
	 */
	static final class NoScopeTicked extends ProblemException {

		NoScopeTicked() {
			super(new ProblemType("invalid-scope", 400, "No scope chosen"), "Choose at least one scope.");
		}

	}

}
