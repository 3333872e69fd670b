/**
 * The shared kernel: who acts ({@link dev.latchkey.system.Actor}), identifiers every
 * module refers to, problem details for errors, the clock and JSON settings.
 */
@NullMarked
package dev.latchkey.system;

import org.jspecify.annotations.NullMarked;
