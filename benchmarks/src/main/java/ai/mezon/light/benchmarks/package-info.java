/**
 * The end-to-end load harness ({@link ai.mezon.light.benchmarks.LoadHarness}): the SDK and a raw
 * WebSocket + protobuf client side by side against the embedded test server.
 */
@NullMarked
package ai.mezon.light.benchmarks;

import org.jspecify.annotations.NullMarked;
