/**
 * URL derivation for REST hosts and the socket, and the clear-text transport policy.
 */
@NullMarked
package ai.mezon.light.internal.net;

import org.jspecify.annotations.NullMarked;
