package dev.latchkey.token;

/**
 * What signing out of the console now would do to the user's tokens (SPEC rule 9).
 *
 * @param revokesTokens whether the organisation's policy revokes tokens at sign-out
 * @param activeTokens how many active tokens that would revoke
 */
public record SignOutOutlook(boolean revokesTokens, int activeTokens) {

}
