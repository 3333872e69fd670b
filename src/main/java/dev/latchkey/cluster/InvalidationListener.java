package dev.latchkey.cluster;

/**
 * A cache that must forget what an {@link Invalidation} covers. Called after the changing
 * transaction committed on this instance, and when another instance's notice arrives.
 */
public interface InvalidationListener {

	void invalidate(Invalidation invalidation);

	/**
	 * Forget everything: notices may have been missed, e.g. while the listener's
	 * connection was down.
	 */
	void invalidateAll();

}
