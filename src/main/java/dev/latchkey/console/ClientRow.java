package dev.latchkey.console;

import java.util.List;

import dev.latchkey.client.ResourceClient;

/**
 * One row of the API Clients table: the client, who registered it, and the one action its
 * state allows.
 */
record ClientRow(String id, String name, String clientId, boolean enabled, String created, String createdIso,
		String createdBy, List<Confirmation> actions) {

	static final String LIST = "/admin/clients";

	/**
	 * @param client the registered client
	 * @param createdBy the registering user's name, or the reference stored when no user
	 * of the organisation has it (the operator, a deleted user)
	 */
	static ClientRow of(ResourceClient client, String createdBy) {
		return new ClientRow(client.id().toString(), client.name(), client.clientId(), client.enabled(),
				Texts.dateTime(client.createdAt()), client.createdAt().toString(), createdBy, List.of(action(client)));
	}

	static Confirmation action(ResourceClient client) {
		String base = LIST + "/" + client.id();
		String name = client.name();
		if (client.enabled()) {
			return Confirmation.of(base, "disable", "Disable", "Disable client “" + name + "”?",
					"The resource server's calls to introspection and revocation fail from now on, so it can no "
							+ "longer check tokens. Enabling it again restores access with the same secret.",
					true, LIST);
		}
		return Confirmation.of(base, "enable", "Enable", "Enable client “" + name + "”?",
				"The resource server can check and revoke this organisation's tokens again, with the secret it was given.",
				false, LIST);
	}

	public String statusClass() {
		return this.enabled ? "status status-active" : "status status-disabled";
	}

}
