/**
 * The real-time socket's machinery behind {@link ai.mezon.light.LightSocket}: frame codec,
 * request correlation and routing, the connection supervisor and its parts (listeners, heartbeat,
 * reconnect, catch-up on join), and ordered dispatch.
 */
@NullMarked
package ai.mezon.light.internal.socket;

import org.jspecify.annotations.NullMarked;
