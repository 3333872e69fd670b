/**
 * Organisations (tenants), their policies (SPEC §3) and license seats. Nothing of one
 * organisation is visible to another; every other module scopes its data by
 * {@link dev.latchkey.system.OrganisationId}.
 */
@NullMarked
package dev.latchkey.organisation;

import org.jspecify.annotations.NullMarked;
