package dev.latchkey.organisation;

import java.time.Clock;
import java.util.Optional;

import dev.latchkey.audit.AuditEntry;
import dev.latchkey.audit.AuditEventType;
import dev.latchkey.audit.AuditTrail;
import dev.latchkey.system.Actor;
import dev.latchkey.system.Forbidden;
import dev.latchkey.system.NotFound;
import dev.latchkey.system.OrganisationId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases on organisations: the operator creates them and sets their seats; their
 * admins read and change their policies.
 */
@Service
public class OrganisationManagement {

	private final Organisations organisations;

	private final AuditTrail audit;

	private final Clock clock;

	OrganisationManagement(Organisations organisations, AuditTrail audit, Clock clock) {
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Organisation create(Actor actor, String name, int licenseSeats) {
		if (actor.kind() == Actor.Kind.USER) {
			throw new Forbidden("Only the operator creates organisations.");
		}
		if (this.organisations.findByName(name).isPresent()) {
			throw new OrganisationExists(name);
		}
		Organisation organisation = new Organisation(OrganisationId.random(), name, licenseSeats,
				OrganisationPolicies.DEFAULTS, this.clock.instant());
		this.organisations.insert(organisation);
		this.audit.record(AuditEntry.of(AuditEventType.ORGANISATION_CREATED, actor, organisation.id())
			.target("organisation", organisation.id(), name)
			.details("licenseSeats=" + licenseSeats));
		return organisation;
	}

	@Transactional
	public Organisation setLicenseSeats(Actor actor, OrganisationId id, int seats) {
		if (actor.kind() == Actor.Kind.USER) {
			throw new Forbidden("Only the operator sets license seats.");
		}
		Organisation organisation = this.organisations.lockById(id)
			.orElseThrow(() -> new NotFound("organisation"))
			.withLicenseSeats(seats);
		this.organisations.update(organisation);
		this.audit.record(AuditEntry.of(AuditEventType.POLICIES_CHANGED, actor, id)
			.target("organisation", id, organisation.name())
			.details("licenseSeats=" + seats));
		return organisation;
	}

	/** The organisation the actor belongs to, as any of its members may see it. */
	@Transactional(readOnly = true)
	public Optional<Organisation> own(Actor actor) {
		OrganisationId id = actor.organisationId();
		return (id != null) ? this.organisations.findById(id) : Optional.empty();
	}

	@Transactional(readOnly = true)
	public Organisation get(Actor actor, OrganisationId id) {
		if (!actor.administers(id)) {
			throw new Forbidden("Only organisation administrators read the policies.");
		}
		return this.organisations.findById(id).orElseThrow(() -> new NotFound("organisation"));
	}

	@Transactional
	public Organisation changePolicies(Actor actor, OrganisationId id, OrganisationPolicies policies) {
		if (!actor.administers(id)) {
			throw new Forbidden("Only organisation administrators change the policies.");
		}
		Organisation before = this.organisations.lockById(id).orElseThrow(() -> new NotFound("organisation"));
		Organisation after = before.withPolicies(policies);
		this.organisations.update(after);
		this.audit.record(AuditEntry.of(AuditEventType.POLICIES_CHANGED, actor, id)
			.target("organisation", id, after.name())
			.details("from " + before.policies() + " to " + policies));
		return after;
	}

}
