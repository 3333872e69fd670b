/**
 * Users of an organisation: role, status (active or deactivated), license seat and web
 * password. Publishes {@link dev.latchkey.user.UserDeactivated} and
 * {@link dev.latchkey.user.UserLicenseRemoved} so that the tokens of such a user stop
 * working in the same transaction.
 */
@NullMarked
package dev.latchkey.user;

import org.jspecify.annotations.NullMarked;
