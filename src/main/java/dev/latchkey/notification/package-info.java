/**
 * Notifications to people outside the application: the e-mail that reminds a token's
 * owner of its coming expiry (SPEC §9), sent after the token module's
 * {@link dev.latchkey.token.TokenExpiryApproaching} is committed, through the SMTP server
 * {@code spring.mail.*} names, and not at all when none is named.
 */
@NullMarked
package dev.latchkey.notification;

import org.jspecify.annotations.NullMarked;
