/**
 * The Spring library types of the starter, apart from its auto-configuration (as Spring Kafka keeps
 * {@code KafkaTemplate} apart from Boot's auto-configuration of it):
 * {@link ai.mezon.light.spring.MezonTemplate} for sending, the socket's events as
 * {@code Mezon...Event} application events (every channel event a
 * {@link ai.mezon.light.spring.MezonChannelEvent} that can be answered), and the JDBC and Redis
 * session stores. Usable without the auto-configuration.
 */
@NullMarked
package ai.mezon.light.spring;

import org.jspecify.annotations.NullMarked;
