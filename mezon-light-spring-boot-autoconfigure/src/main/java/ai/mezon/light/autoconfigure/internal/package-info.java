/**
 * Internals of the Mezon auto-configuration: session bootstrap, proactive refresh, the socket's
 * lifecycle (and the keep-alive thread that keeps a non-web application up while it runs),
 * schema initialization of the JDBC tables through Boot's script initializers, start-up failure
 * analysis and the unknown-property warning. Not API: may change in any release.
 */
@NullMarked
package ai.mezon.light.autoconfigure.internal;

import org.jspecify.annotations.NullMarked;
