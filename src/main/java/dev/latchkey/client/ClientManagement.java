package dev.latchkey.client;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers resource-server clients and authenticates them. Admins of an organisation
 * manage its clients; a client's secret is shown once and stored as a digest.
 */
@Service
public class ClientManagement {

	static final String CLIENT_ID_PREFIX = "lkc_";

	static final String SECRET_PREFIX = "lkcs_";

	private final ResourceClients clients;

	private final ClientCache cache;

	private final AuditTrail audit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ClientManagement(ResourceClients clients, ClientCache cache, AuditTrail audit, Clock clock) {
		this.clients = clients;
		this.cache = cache;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public RegisteredClient register(Actor actor, String name) {
		OrganisationId organisation = requireAdmin(actor);
		if (this.clients.nameTaken(organisation, name)) {
			throw new ClientNameTaken(name);
		}
		String secret = newSecret();
		ResourceClient client = new ResourceClient(UUID.randomUUID(), organisation, name,
				CLIENT_ID_PREFIX + Secrets.base62(this.random, 20), Secrets.sha256Hex(secret), true,
				this.clock.instant(), actor.reference());
		this.clients.insert(client);
		record(AuditEventType.CLIENT_REGISTERED, actor, client);
		return new RegisteredClient(client, secret);
	}

	@Transactional(readOnly = true)
	public List<ResourceClient> list(Actor actor) {
		return this.clients.findByOrganisation(requireAdmin(actor));
	}

	@Transactional(readOnly = true)
	public ResourceClient get(Actor actor, String id) {
		return visible(actor, id);
	}

	@Transactional
	public ResourceClient setEnabled(Actor actor, String id, boolean enabled) {
		ResourceClient client = visible(actor, id);
		if (client.enabled() == enabled) {
			return client;
		}
		ResourceClient changed = client.withEnabled(enabled);
		this.clients.update(changed);
		record(enabled ? AuditEventType.CLIENT_ENABLED : AuditEventType.CLIENT_DISABLED, actor, changed);
		return changed;
	}

	/**
	 * Replaces a client's secret: the old one stops working at once, on every instance.
	 * @return the client with its new secret, shown this once
	 */
	@Transactional
	public RegisteredClient replaceSecret(Actor actor, String id) {
		ResourceClient client = visible(actor, id);
		String secret = newSecret();
		ResourceClient changed = client.withSecretDigest(Secrets.sha256Hex(secret));
		this.clients.update(changed);
		record(AuditEventType.CLIENT_SECRET_REPLACED, actor, changed);
		return new RegisteredClient(changed, secret);
	}

	/**
	 * The enabled client with these credentials, if any. The secret's digest is compared
	 * in constant time; an unknown client id costs the same digest. Known clients come
	 * from the cache (no transaction, no query): introspection calls this on every
	 * request.
	 */
	public Optional<ResourceClient> authenticate(String clientId, String secret) {
		String digest = Secrets.sha256Hex(secret);
		Optional<ResourceClient> client = this.cache.find(clientId, this.clients::findByClientId);
		boolean matches = Secrets.equal(client.map(ResourceClient::secretDigest).orElse(""), digest);
		return client.filter((c) -> matches && c.enabled());
	}

	private String newSecret() {
		return SECRET_PREFIX + Secrets.base62(this.random, 43);
	}

	private ResourceClient visible(Actor actor, String id) {
		OrganisationId organisation = requireAdmin(actor);
		return this.clients.findById(Ids.parse(id, "client"))
			.filter((client) -> client.organisationId().equals(organisation))
			.orElseThrow(() -> new NotFound("client"));
	}

	private static OrganisationId requireAdmin(Actor actor) {
		OrganisationId organisation = actor.organisationId();
		if (organisation == null || !actor.administers(organisation)) {
			throw new Forbidden("Only organisation administrators manage resource-server clients.");
		}
		return organisation;
	}

	private void record(AuditEventType type, Actor actor, ResourceClient client) {
		this.audit.record(
				AuditEntry.of(type, actor, client.organisationId()).target("client", client.clientId(), client.name()));
	}

	/** The organisation already has a client of that name. */
	public static class ClientNameTaken extends ProblemException {

		ClientNameTaken(String name) {
			super(new ProblemType("client-name-taken", 409, "Client name taken"),
					"A client named '" + name + "' already exists in your organisation.");
		}

	}

}
