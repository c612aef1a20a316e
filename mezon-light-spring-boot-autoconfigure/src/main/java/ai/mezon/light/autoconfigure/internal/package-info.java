/**
 * Internals of the Mezon auto-configuration: session bootstrap, proactive refresh, failure
 * analysis. Not API: may change in any release.
 */
@NullMarked
package ai.mezon.light.autoconfigure.internal;

import org.jspecify.annotations.NullMarked;
