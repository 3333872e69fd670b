/**
 * What the operator of an installation does outside the API: the first start
 * (organisation {@code default} and admin {@code admin}) and the command line
 * ({@code operator ...}) that creates organisations and users and issues tokens, against
 * the same database as the running server.
 */
@NullMarked
package dev.latchkey.operator;

import org.jspecify.annotations.NullMarked;
