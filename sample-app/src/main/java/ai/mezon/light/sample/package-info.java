/**
 * The sample echo bot: a Spring Boot application built only on the Mezon starter and
 * {@code mezon.*} properties. Without credentials it runs in demo mode
 * ({@link ai.mezon.light.sample.demo}).
 */
@NullMarked
package ai.mezon.light.sample;

import org.jspecify.annotations.NullMarked;
