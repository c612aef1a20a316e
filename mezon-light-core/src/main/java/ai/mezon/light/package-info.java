/**
 * Mezon light client: {@link ai.mezon.light.LightClient} for the session and REST calls,
 * {@link ai.mezon.light.LightSocket} for real-time messaging.
 */
@NullMarked
package ai.mezon.light;

import org.jspecify.annotations.NullMarked;
