package dev.latchkey.console;

/**
 * What every console page shows about the signed-in user in its header.
 *
 * @param username who is signed in
 * @param organisation the name of their organisation
 * @param admin whether they are an org admin (and so see the Admin menu)
 * @param tokensRevokedOnSignOut how many active tokens signing out would revoke; zero
 * when the policy is off or they hold none
 * @param policyRevokesOnSignOut whether the organisation revokes tokens on sign-out
 */
record SignedIn(String username, String organisation, boolean admin, int tokensRevokedOnSignOut,
		boolean policyRevokesOnSignOut) {

}
