package dev.latchkey.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.latchkey.system.InvalidRequest;
import dev.latchkey.system.ProblemException;
import dev.latchkey.token.TokenManagement;
import org.jspecify.annotations.Nullable;

/**
 * The overlaps the rotate confirmation offers: how long the old secret keeps working
 * beside the new one. Each option says until when, as the token module will compute it:
 * {@code min(now + overlap, the token's current expiry)}. The token module judges the
 * value sent; these are only the ones offered.
 */
final class OverlapChoice {

	/** The form field, in hours, as {@code overlapHours} in the API. */
	static final String FIELD = "overlapHours";

	static final List<Integer> HOURS = List.of(0, 1, 24, 72, 168);

	private OverlapChoice() {
	}

	static Confirmation.Choice of(Instant now, Instant expiresAt) {
		long preselected = TokenManagement.DEFAULT_OVERLAP.toHours();
		List<Confirmation.Option> options = HOURS.stream()
			.map((hours) -> new Confirmation.Option(Integer.toString(hours), label(hours, now, expiresAt),
					hours == preselected))
			.toList();
		return new Confirmation.Choice(FIELD, "The old secret keeps working",
				"Clients using the old secret keep "
						+ "working until the overlap ends, so you can update them; then the old secret fails. "
						+ "The overlap never outlasts the token's current expiry.",
				options);
	}

	/**
	 * What one option says, e.g. "for 24 hours, until 2026-12-03 21:40 UTC (default)".
	 */
	static String label(int hours, Instant now, Instant expiresAt) {
		if (hours == 0) {
			return "not at all: it stops at once";
		}
		Instant until = now.plus(Duration.ofHours(hours));
		String label = "for " + duration(hours) + ", until "
				+ (until.isBefore(expiresAt) ? Texts.dateTime(until) : Texts.dateTime(expiresAt) + " (its expiry)");
		return (hours == TokenManagement.DEFAULT_OVERLAP.toHours()) ? label + " (default)" : label;
	}

	/**
	 * The overlap sent, in hours; {@code null} (the default) when none was sent.
	 * @throws InvalidRequest if it is not a whole number
	 */
	static @Nullable Integer hours(@Nullable String sent) {
		if (sent == null || sent.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(sent.strip());
		}
		catch (NumberFormatException ex) {
			throw InvalidRequest.parameter(FIELD, "Choose how long the old secret keeps working.");
		}
	}

	/** Why the token named was not rotated, in the list's words. */
	static String refusal(String name, ProblemException ex) {
		String says = switch (ex.type().slug()) {
			case "token-expired" -> "it has expired. Create a new token instead.";
			case "token-not-active" -> "it is no longer active. Re-approve it first, or create a new token.";
			default -> ex.getMessage();
		};
		return "Token “" + name + "” was not rotated: " + says + " Its secret is unchanged.";
	}

	private static String duration(int hours) {
		if (hours % 24 == 0 && hours > 24) {
			return Texts.days(hours / 24);
		}
		return (hours == 1) ? "1 hour" : hours + " hours";
	}

}
