/**
 * Internals of the SDK: not API, may change in any release. The sub-packages hold one concern
 * each; {@link ai.mezon.light.internal.Preload} is the one entry point here.
 */
@NullMarked
package ai.mezon.light.internal;

import org.jspecify.annotations.NullMarked;
