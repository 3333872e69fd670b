package dev.latchkey.webhook;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditEventType;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Forbidden;
import dev.latchkey.system.Ids;
import dev.latchkey.system.NotFound;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.ProblemException;
import dev.latchkey.system.ProblemType;
import dev.latchkey.system.Secrets;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhooks of an organisation, for its admins: create (the signing secret is shown
 * once), list, look at, delete, and read a webhook's delivery log.
 */
@Service
public class WebhookManagement {

	/** Every signing secret starts with this, so a leaked one is recognisable. */
	static final String SECRET_PREFIX = "lkwh_";

	/** The most deliveries one page of the log shows. */
	public static final int MAX_DELIVERIES = 100;

	private final Webhooks webhooks;

	private final WebhookDeliveries deliveries;

	private final Destinations destinations;

	private final WebhookSettings settings;

	private final AuditTrail audit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	WebhookManagement(Webhooks webhooks, WebhookDeliveries deliveries, Destinations destinations,
			WebhookSettings settings, AuditTrail audit, Clock clock) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.destinations = destinations;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates a webhook of the actor's organisation for the given events (null or empty:
	 * all).
	 * @throws Destinations.InvalidWebhookUrl for a URL a webhook may not have
	 * @throws Destinations.InsecureDestination for a destination that is not public https
	 * @throws WebhookEvents.UnknownWebhookEvent for a name that is not an event
	 * @throws WebhookExists when the organisation has a webhook of that URL
	 * @throws WebhookLimitReached when the organisation has as many as it may
	 */
	@Transactional
	public CreatedWebhook create(Actor actor, String url, @Nullable List<String> events) {
		OrganisationId organisation = requireAdmin(actor);
		URI destination = Destinations.parse(url);
		WebhookEvents subscribed = WebhookEvents.of(events);
		if (this.webhooks.urlTaken(organisation, url)) {
			throw new WebhookExists();
		}
		if (this.webhooks.countByOrganisation(organisation) >= this.settings.maxPerOrganisation()) {
			throw new WebhookLimitReached(this.settings.maxPerOrganisation());
		}
		this.destinations.requireAllowed(destination);
		String secret = SECRET_PREFIX + Secrets.base62(this.random, 40);
		Webhook webhook = new Webhook(UUID.randomUUID(), organisation, url, subscribed, actor.reference(),
				this.clock.instant());
		this.webhooks.insert(webhook, secret);
		record(AuditEventType.WEBHOOK_CREATED, actor, webhook);
		return new CreatedWebhook(webhook, secret);
	}

	@Transactional(readOnly = true)
	public List<Webhook> list(Actor actor) {
		return this.webhooks.findByOrganisation(requireAdmin(actor));
	}

	@Transactional(readOnly = true)
	public Webhook get(Actor actor, String id) {
		return visible(actor, id);
	}

	/** Deletes the webhook and its deliveries; pending ones are not sent. */
	@Transactional
	public Webhook delete(Actor actor, String id) {
		Webhook webhook = visible(actor, id);
		this.webhooks.delete(webhook.id());
		record(AuditEventType.WEBHOOK_DELETED, actor, webhook);
		return webhook;
	}

	/**
	 * The webhook's latest deliveries, newest first, at most {@value #MAX_DELIVERIES}.
	 */
	@Transactional(readOnly = true)
	public List<WebhookDelivery> deliveries(Actor actor, String id, int limit) {
		Webhook webhook = visible(actor, id);
		return this.deliveries.findByWebhook(webhook.id(), Math.clamp(limit, 1, MAX_DELIVERIES));
	}

	private Webhook visible(Actor actor, String id) {
		OrganisationId organisation = requireAdmin(actor);
		return this.webhooks.findById(Ids.parse(id, "webhook"))
			.filter((webhook) -> webhook.organisationId().equals(organisation))
			.orElseThrow(() -> new NotFound("webhook"));
	}

	private static OrganisationId requireAdmin(Actor actor) {
		OrganisationId organisation = actor.organisationId();
		if (organisation == null || !actor.administers(organisation)) {
			throw new Forbidden("Only organisation administrators manage webhooks.");
		}
		return organisation;
	}

	private void record(AuditEventType type, Actor actor, Webhook webhook) {
		this.audit.record(AuditEntry.of(type, actor, webhook.organisationId())
			.target("webhook", webhook.id(), webhook.name())
			.details("events: " + (webhook.events().all() ? "all" : String.join(", ", webhook.events().list()))));
	}

	/** The organisation already has a webhook of that URL. */
	public static class WebhookExists extends ProblemException {

		WebhookExists() {
			super(new ProblemType("webhook-exists", 409, "Webhook exists"),
					"Your organisation already has a webhook with that URL.");
		}

	}

	/** The organisation has as many webhooks as it may. */
	public static class WebhookLimitReached extends ProblemException {

		WebhookLimitReached(int limit) {
			super(new ProblemType("webhook-limit-reached", 409, "Webhook limit reached"),
					"An organisation has at most " + limit + " webhooks; delete one first.");
		}

	}

}
