package dev.latchkey.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A recorded audit event, as read back.
 */
public record AuditEvent(long id, Instant occurredAt, @Nullable String organisationId, String type, String actor,
		String actorName, @Nullable String clientIp, @Nullable String targetType, @Nullable String targetId,
		@Nullable String targetName, @Nullable String details) {

}
