package dev.latchkey.user;

import dev.latchkey.system.Actor;
import dev.latchkey.system.OrganisationId;
import dev.latchkey.system.UserId;

/**
 * A user was deactivated; their tokens must stop working within the same transaction.
 */
public record UserDeactivated(UserId user, OrganisationId organisation, Actor by) {

}
