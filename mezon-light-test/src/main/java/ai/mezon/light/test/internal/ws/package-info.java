/**
 * The test server's real-time socket: {@code /ws} on the REST port, speaking protobuf envelopes
 * in either {@code cid} encoding, with fault injection.
 */
@NullMarked
package ai.mezon.light.test.internal.ws;

import org.jspecify.annotations.NullMarked;
