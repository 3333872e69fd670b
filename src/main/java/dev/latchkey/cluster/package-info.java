/**
 * Several instances on one database: {@link dev.latchkey.cluster.Invalidations} tells
 * this instance's caches, after commit, and every other instance, through PostgreSQL
 * {@code NOTIFY} inside the changing transaction, that a token, user or organisation
 * changed. A listener thread holding one PostgreSQL connection receives the other
 * instances' notices, reconnects when the connection drops and then clears the caches.
 */
@NullMarked
package dev.latchkey.cluster;

import org.jspecify.annotations.NullMarked;
