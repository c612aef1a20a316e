/**
 * Spring Boot auto-configuration of the Mezon light client: {@code mezon.*} properties, the
 * {@link ai.mezon.light.LightClient} bean, session stores and proactive session refresh.
 */
@NullMarked
package ai.mezon.light.autoconfigure;

import org.jspecify.annotations.NullMarked;
