package dev.latchkey.token;

import org.jspecify.annotations.Nullable;

/**
 * A scope as listed for an organisation: a built-in one or one of its own.
 */
public record ScopeDefinition(Scope scope, @Nullable String description, boolean builtIn) {

	static final ScopeDefinition API = new ScopeDefinition(Scope.API,
			"Everything the token's owner may do: every method of every API the token is accepted by.", true);

	static final ScopeDefinition READ_API = new ScopeDefinition(Scope.READ_API,
			"Read only: GET, HEAD and OPTIONS requests.", true);

	public String name() {
		return this.scope.name();
	}

}
