package dev.latchkey.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.latchkey.token.ApiToken;
import dev.latchkey.token.StatusReason;
import dev.latchkey.token.TokenStatus;
import dev.latchkey.token.TokenView;
import org.jspecify.annotations.Nullable;

/**
 * One row of the API Tokens table, as the page shows it.
 *
 * @param scopes what the token may do, by scope name
 * @param allowedIps where it may be used from; empty for anywhere
 * @param editable whether the row offers Edit (not once expired: it cannot come back)
 */
record TokenRow(String id, String name, @Nullable String description, String owner, String hint, TokenStatus status,
		String reason, String created, String createdIso, String expires, String expiresIso, String lastUsed,
		@Nullable String lastUsedIp, List<String> scopes, List<String> allowedIps, boolean editable,
		List<Confirmation> actions) {

	static final String LIST = "/admin/api-tokens";

	/** How many allowlist entries a row shows before "+n more". */
	static final int SHOWN_ENTRIES = 2;

	static TokenRow of(TokenView view, Instant now) {
		ApiToken token = view.token();
		TokenStatus status = token.status(now);
		StatusReason reason = token.statusReason(now);
		boolean reapprovable = status == TokenStatus.REVOKED && reason != StatusReason.LEAKED;
		return new TokenRow(token.id().toString(), token.name().value(), token.description(), view.ownerUsername(),
				token.hint(), status, Texts.reason(reason), Texts.dateTime(token.createdAt()),
				token.createdAt().toString(), Texts.dateTime(token.expiresAt()), token.expiresAt().toString(),
				(token.lastUsedAt() != null) ? Texts.dateTime(token.lastUsedAt()) : "never", token.lastUsedIp(),
				token.scopes().names(), token.allowedAddresses().entries(), status != TokenStatus.EXPIRED,
				actions(token, status == TokenStatus.ACTIVE, reapprovable, now));
	}

	/**
	 * The row actions the token's state allows, each with its question. Only an active
	 * token can be rotated (SPEC §9): a revoked or expired one offers no Rotate.
	 */
	static List<Confirmation> actions(ApiToken token, boolean active, boolean reapprovable, Instant now) {
		String name = token.name().value();
		String base = LIST + "/" + token.id();
		List<Confirmation> actions = new ArrayList<>();
		if (active) {
			actions.add(Confirmation.of(base, "rotate", "Rotate", "Rotate token “" + name + "”?",
					"The token gets a new secret, shown once. It keeps its name, scopes and allowlist, and a "
							+ "fresh lifetime as long as its current one (within your organisation's maximum).",
					false, LIST)
				.with(OverlapChoice.of(now, token.expiresAt())));
			actions.add(Confirmation.of(base, "revoke", "Revoke", "Revoke token “" + name + "”?",
					"Calls made with this token will fail from now on. An admin can re-approve it until it expires.",
					true, LIST));
		}
		if (reapprovable) {
			actions.add(Confirmation.of(base, "reapprove", "Re-approve", "Re-approve token “" + name + "”?",
					"The token will authenticate again with the same secret, until it expires.", false, LIST));
		}
		actions.add(Confirmation.of(base, "delete", "Delete", "Delete token “" + name + "”?",
				"The token is removed for good and frees its slot; the audit trail keeps a record. This cannot be undone.",
				true, LIST));
		return List.copyOf(actions);
	}

	public String statusClass() {
		return "status status-" + this.status.name().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * The day the token was created; the table shows days to stay narrow, the time is in
	 * the cell's tooltip.
	 */
	public String createdDate() {
		return Texts.date(Instant.parse(this.createdIso));
	}

	public String expiresDate() {
		return Texts.date(Instant.parse(this.expiresIso));
	}

	public String editPath() {
		return LIST + "/" + this.id + "/edit";
	}

	public String usagePath() {
		return LIST + "/" + this.id + "/usage";
	}

	/**
	 * The allowlist entries the row shows; the rest are counted in {@link #moreEntries}.
	 */
	public List<String> shownEntries() {
		return this.allowedIps.subList(0, Math.min(SHOWN_ENTRIES, this.allowedIps.size()));
	}

	public int moreEntries() {
		return Math.max(0, this.allowedIps.size() - SHOWN_ENTRIES);
	}

	/** Every entry, for the tooltip of a shortened list. */
	public String allEntries() {
		return String.join(", ", this.allowedIps);
	}

}
