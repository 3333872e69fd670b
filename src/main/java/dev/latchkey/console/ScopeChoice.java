package dev.latchkey.console;

import java.util.Collection;
import java.util.List;

import dev.latchkey.token.ScopeDefinition;
import org.jspecify.annotations.Nullable;

/**
 * One checkbox of the scopes a token may be given (the create dialog) or narrowed to (the
 * edit page), with what the scope means.
 */
record ScopeChoice(String name, @Nullable String description, boolean builtIn, boolean checked) {

	static List<ScopeChoice> of(List<ScopeDefinition> offered, Collection<String> checked) {
		return offered.stream()
			.map((scope) -> new ScopeChoice(scope.name(), scope.description(), scope.builtIn(),
					checked.contains(scope.name())))
			.toList();
	}

	/** The id of the checkbox: scope names may hold '.' and ':', which ids may too. */
	public String id(String prefix) {
		return prefix + "-" + this.name;
	}

}
