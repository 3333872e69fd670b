package dev.latchkey.audit;

import dev.latchkey.system.Actor;
import dev.latchkey.system.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * One event about to be recorded. Never put a secret in any field.
 *
 * @param type what happened
 * @param actor who did it
 * @param organisation whose trail it belongs to; {@code null} for installation-wide
 * events
 * @param targetType {@code token}, {@code user}, {@code organisation}
 * @param targetId the target's id
 * @param targetName the target's name at the time
 * @param details a short description of what changed
 */
public record AuditEntry(AuditEventType type, Actor actor, @Nullable OrganisationId organisation,
		@Nullable String targetType, @Nullable String targetId, @Nullable String targetName, @Nullable String details) {

	public static AuditEntry of(AuditEventType type, Actor actor, @Nullable OrganisationId organisation) {
		return new AuditEntry(type, actor, organisation, null, null, null, null);
	}

	public AuditEntry target(String targetType, Object targetId, String targetName) {
		return new AuditEntry(this.type, this.actor, this.organisation, targetType, targetId.toString(), targetName,
				this.details);
	}

	public AuditEntry details(String details) {
		return new AuditEntry(this.type, this.actor, this.organisation, this.targetType, this.targetId, this.targetName,
				details);
	}

}
