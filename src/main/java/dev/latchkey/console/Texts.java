package dev.latchkey.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.latchkey.token.StatusReason;
import org.jspecify.annotations.Nullable;

/**
 * How the console writes times and reasons. Times are UTC, like the audit trail, so that
 * two admins in different places read the same thing.
 */
final class Texts {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private Texts() {
	}

	static String dateTime(@Nullable Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant) : "";
	}

	static String date(@Nullable Instant instant) {
		return (instant != null) ? DATE.format(instant) : "";
	}

	static String reason(@Nullable StatusReason reason) {
		if (reason == null) {
			return "";
		}
		return switch (reason) {
			case REVOKED_BY_OWNER -> "revoked by its owner";
			case REVOKED_BY_ADMIN -> "revoked by an admin";
			case LOGOUT -> "revoked at sign-out";
			case USER_DEACTIVATED -> "owner deactivated";
			case LICENSE_REMOVED -> "owner's license removed";
			case UNUSED -> "unused for too long";
			case LEAKED -> "reported as leaked";
			case EXPIRED -> "past its expiry date";
		};
	}

	static String days(int days) {
		if (days % 365 == 0) {
			int years = days / 365;
			return (years == 1) ? "1 year" : years + " years";
		}
		return (days == 1) ? "1 day" : days + " days";
	}

}
