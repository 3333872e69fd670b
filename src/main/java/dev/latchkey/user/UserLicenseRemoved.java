package dev.latchkey.user;

import dev.latchkey.system.Actor;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.UserId;

/**
 * A user lost their license seat; their tokens must stop working within the same
 * transaction.
 */
public record UserLicenseRemoved(UserId user, OrganisationId organisation, Actor by) {

}
