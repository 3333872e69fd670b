package dev.latchkey.audit.web;

import java.util.Locale;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditEventType;
import org.jspecify.annotations.Nullable;

/**
 * Formats audit events as ArcSight Common Event Format lines, the format the modelled
 * product's audit log API uses:
 * {@code CEF:0|Vendor|Product|Version|SignatureID|Name|Severity|Extension}.
 */
final class CefFormat {

	private CefFormat() {
	}

	static String line(AuditEvent event, String version) {
		StringBuilder line = new StringBuilder("CEF:0|Latchkey|Latchkey|").append(header(version))
			.append('|')
			.append(header(event.type()))
			.append('|')
			.append(header(name(event.type())))
			.append('|')
			.append(severity(event.type()))
			.append('|');
		extension(line, "rt", Long.toString(event.occurredAt().toEpochMilli()));
		extension(line, "externalId", Long.toString(event.id()));
		extension(line, "suser", event.actorName());
		extension(line, "suid", event.actor());
		extension(line, "src", event.clientIp());
		extension(line, "cs1Label", "organisationId");
		extension(line, "cs1", event.organisationId());
		extension(line, "cs2Label", "targetType");
		extension(line, "cs2", event.targetType());
		extension(line, "duid", event.targetId());
		extension(line, "duser", event.targetName());
		extension(line, "msg", event.details());
		return line.toString().stripTrailing();
	}

	private static void extension(StringBuilder line, String key, @Nullable String value) {
		if (value != null && !value.isEmpty()) {
			line.append(key).append('=').append(extensionValue(value)).append(' ');
		}
	}

	/** In the header, backslash and pipe are escaped. */
	static String header(String value) {
		return value.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
	}

	/**
	 * In extension values, backslash and equals are escaped and line breaks written as
	 * \n.
	 */
	static String extensionValue(String value) {
		return value.replace("\\", "\\\\")
			.replace("=", "\\=")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n")
			.replace("\r", "\\n");
	}

	private static String name(String type) {
		String words = type.replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static int severity(String type) {
		try {
			return AuditEventType.valueOf(type).cefSeverity();
		}
		catch (IllegalArgumentException ex) {
			// a row written by a newer version during a rolling upgrade
			return AuditEventType.ROUTINE_SEVERITY;
		}
	}

}
