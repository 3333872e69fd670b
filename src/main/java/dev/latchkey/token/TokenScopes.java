package dev.latchkey.token;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.latchkey.system.InvalidRequest;
import dev.latchkey.token.TokenProblems.ScopeWidening;

/**
 * What a token may do (SPEC §8): a non-empty set of scopes, and the one home of the rule
 * that says which scopes a request needs. {@code api} grants everything its owner may do,
 * so it grants every other scope; {@code read_api} grants {@code api} and
 * {@code read_api} for safe methods only; an organisation's own scope grants itself.
 */
public record TokenScopes(SortedSet<Scope> scopes) {

	/** At most this many scopes on one token. */
	public static final int MAX_SCOPES = 20;

	/** What a token gets when its creator names none. */
	public static final TokenScopes DEFAULT = new TokenScopes(new TreeSet<>(List.of(Scope.API)));

	public TokenScopes {
		if (scopes.isEmpty()) {
			throw new InvalidRequest("'scopes' must name at least one scope.");
		}
		if (scopes.size() > MAX_SCOPES) {
			throw new InvalidRequest("A token holds at most " + MAX_SCOPES + " scopes.");
		}
		scopes = Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
	}

	/**
	 * The scopes a request names; repeated names count once.
	 * @throws TokenProblems.MalformedScope if a name is not shaped like a scope's
	 */
	public static TokenScopes of(Collection<String> names) {
		return new TokenScopes(names.stream().map(Scope::new).collect(Collectors.toCollection(TreeSet::new)));
	}

	/** Reads the stored, space-separated form. */
	static TokenScopes parse(String stored) {
		return of(List.of(stored.strip().split(" +")));
	}

	/**
	 * The stored form, and the form of OAuth's {@code scope}: names separated by a space.
	 */
	public String serialised() {
		// A loop rather than a stream: forward auth writes this on every answer.
		StringJoiner joined = new StringJoiner(" ");
		for (Scope scope : this.scopes) {
			joined.add(scope.name());
		}
		return joined.toString();
	}

	public List<String> names() {
		return this.scopes.stream().map(Scope::name).toList();
	}

	/** The organisation-defined scopes among these. */
	public List<Scope> custom() {
		return this.scopes.stream().filter((scope) -> !scope.isBuiltIn()).toList();
	}

	public boolean holds(Scope scope) {
		return this.scopes.contains(scope);
	}

	/**
	 * Whether a request with this token may proceed where every one of {@code required}
	 * is needed.
	 * @param safeMethod whether the request's method is GET, HEAD or OPTIONS
	 */
	public boolean permits(Collection<Scope> required, boolean safeMethod) {
		for (Scope scope : required) {
			if (!grants(scope, safeMethod)) {
				return false;
			}
		}
		return true;
	}

	private boolean grants(Scope required, boolean safeMethod) {
		if (holds(Scope.API)) {
			return true;
		}
		if (required.equals(Scope.API) || required.equals(Scope.READ_API)) {
			return safeMethod && holds(Scope.READ_API);
		}
		return holds(required);
	}

	/**
	 * Whether a token with these scopes may be narrowed to one holding {@code scope}:
	 * {@code api} may become anything, any other set only a part of itself.
	 */
	public boolean mayNarrowTo(Scope scope) {
		return holds(Scope.API) || holds(scope);
	}

	/** Whether a token with these scopes may be narrowed to {@code other}. */
	private boolean covers(TokenScopes other) {
		return other.scopes.stream().allMatch(this::mayNarrowTo);
	}

	/**
	 * Narrows these scopes to {@code requested}: allowed when these grant everything
	 * requested ({@code api} may become {@code read_api} or an organisation's scope);
	 * never wider.
	 * @throws ScopeWidening if {@code requested} grants anything these do not
	 */
	TokenScopes narrowTo(TokenScopes requested) {
		if (!covers(requested)) {
			throw new ScopeWidening();
		}
		return requested;
	}

	@Override
	public String toString() {
		return serialised();
	}

}
