/**
 * Embedded Mezon test server for tests and demos.
 */
@NullMarked
package ai.mezon.light.test;

import org.jspecify.annotations.NullMarked;
