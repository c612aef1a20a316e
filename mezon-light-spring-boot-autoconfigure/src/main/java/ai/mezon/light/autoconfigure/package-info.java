/**
 * Spring Boot auto-configuration of the Mezon light client: {@code mezon.*} properties, the
 * {@link ai.mezon.light.LightClient} bean, session stores and proactive session refresh; the
 * {@link ai.mezon.light.LightSocket} connected while the application runs, the
 * {@code MezonTemplate} for sending, the socket's events as application events, and the
 * {@code mezon} health indicator and Micrometer meters. The types these beans are made of live in
 * {@code ai.mezon.light.spring}.
 */
@NullMarked
package ai.mezon.light.autoconfigure;

import org.jspecify.annotations.NullMarked;
