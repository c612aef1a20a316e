/**
 * The real-time socket's machinery behind {@link ai.mezon.light.LightSocket}: frame codec,
 * request correlation, the connection supervisor (heartbeat, reconnect), and ordered dispatch.
 */
@NullMarked
package ai.mezon.light.internal.socket;

import org.jspecify.annotations.NullMarked;
