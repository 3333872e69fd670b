/**
 * Resource-server clients: the APIs that Latchkey protects register here (name → client
 * id and a secret shown once) and then ask about tokens through RFC 7662 introspection
 * and RFC 7009 revocation, seeing only their own organisation's tokens.
 */
@NullMarked
package dev.latchkey.client;

import org.jspecify.annotations.NullMarked;
