package dev.latchkey.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.latchkey.system.ProblemException;
import dev.latchkey.system.ProblemType;
import dev.latchkey.token.TokenCreated;
import dev.latchkey.token.TokenExpiryApproaching;
import dev.latchkey.token.TokenExpiryReached;
import dev.latchkey.token.TokenRevoked;
import dev.latchkey.token.TokenRotated;

import org.jspecify.annotations.Nullable;

/**
 * The events a webhook subscribes to: a set of the token events' wire names, or every
 * event when empty (also every event added later).
 *
 * @param names the subscribed names, in the order of {@link #ALL}; empty = all
 */
public record WebhookEvents(Set<String> names) {

	/** Every event name a webhook can receive. */
	public static final List<String> ALL = List.of(TokenCreated.TYPE, TokenRevoked.TYPE, TokenExpiryReached.TYPE,
			TokenRotated.TYPE, TokenExpiryApproaching.TYPE);

	public WebhookEvents {
		names = Set.copyOf(names);
	}

	/**
	 * The events as requested: null or empty means all.
	 * @throws UnknownWebhookEvent for a name that is not an event
	 */
	public static WebhookEvents of(@Nullable List<String> requested) {
		Set<String> names = new LinkedHashSet<>();
		if (requested != null) {
			for (String name : requested) {
				if (!ALL.contains(name)) {
					throw new UnknownWebhookEvent(name);
				}
				names.add(name);
			}
		}
		return new WebhookEvents(names.size() == ALL.size() ? Set.of() : names);
	}

	public boolean all() {
		return this.names.isEmpty();
	}

	public boolean includes(String type) {
		return all() || this.names.contains(type);
	}

	/** The subscribed names in the order of {@link #ALL}; all of them when all. */
	public List<String> list() {
		List<String> list = new ArrayList<>();
		for (String name : ALL) {
			if (includes(name)) {
				list.add(name);
			}
		}
		return list;
	}

	/** How the set is stored: space-separated, null for all. */
	@Nullable String stored() {
		return all() ? null : String.join(" ", list());
	}

	static WebhookEvents stored(@Nullable String text) {
		return (text == null || text.isBlank()) ? new WebhookEvents(Set.of())
				: new WebhookEvents(Set.of(text.strip().split(" +")));
	}

	/** A requested event name is not one of {@link #ALL}. */
	public static class UnknownWebhookEvent extends ProblemException {

		UnknownWebhookEvent(String name) {
			super(new ProblemType("unknown-webhook-event", 400, "Unknown webhook event"),
					"'" + abbreviate(name) + "' is not an event; the events are " + String.join(", ", ALL) + ".");
		}

		private static String abbreviate(String name) {
			return (name.length() > 60) ? name.substring(0, 60) + "…" : name;
		}

	}

}
