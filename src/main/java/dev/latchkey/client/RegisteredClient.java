package dev.latchkey.client;

/**
 * A client just registered, with its secret: shown once, in the registration response.
 */
public record RegisteredClient(ResourceClient client, String secret) {

	@Override
	public String toString() {
		return "RegisteredClient[" + this.client + "]";
	}

}
