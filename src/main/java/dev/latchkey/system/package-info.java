/**
 * The shared kernel: who acts ({@link dev.latchkey.system.Actor}), identifiers every
 * module refers to, problem details for errors, the clock and JSON settings, and the
 * privacy of the embedded database's files (SPEC §7).
 */
@NullMarked
package dev.latchkey.system;

import org.jspecify.annotations.NullMarked;
