/**
 * Internals of the test server; not public API.
 */
@NullMarked
package ai.mezon.light.test.internal;

import org.jspecify.annotations.NullMarked;
