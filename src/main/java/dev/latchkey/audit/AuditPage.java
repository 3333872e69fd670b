package dev.latchkey.audit;

import java.util.List;

/**
 * One page of audit events, newest first.
 */
public record AuditPage(List<AuditEvent> items, int page, int size, boolean hasMore) {

}
