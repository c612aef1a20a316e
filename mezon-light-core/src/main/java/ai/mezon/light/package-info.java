/**
 * The Mezon light client: {@link ai.mezon.light.LightClient} for the session and REST calls,
 * {@link ai.mezon.light.LightSocket} for real-time messaging, their options and listeners, and the
 * exceptions they throw (all {@link ai.mezon.light.MezonException}s).
 *
 * <p>Beside it: {@code ai.mezon.light.message} (what is sent and received: messages, attachments,
 * mentions, reactions, channels), {@code ai.mezon.light.session} (the JWT session and where it is
 * stored, with the delivery cursors and joined channels), {@code ai.mezon.light.codec} (the wire
 * codecs, for test servers and tools). Everything under {@code ai.mezon.light.internal} is not API.
 *
 * <p>How an incoming message travels from the WebSocket to a listener, and which thread runs each
 * step, is described in {@code ai.mezon.light.internal.socket}'s package documentation.
 */
@NullMarked
package ai.mezon.light;

import org.jspecify.annotations.NullMarked;
