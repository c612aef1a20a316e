/**
 * The real-time socket behind {@link ai.mezon.light.LightSocket}. One concern per class:
 *
 * <ul>
 * <li>{@link ai.mezon.light.internal.socket.Link}: one WebSocket connection, and the only class
 * that knows the WebSocket implementation (the JDK's {@code java.net.http.WebSocket}; why, with the
 * numbers, in its Javadoc). It owns reading (demand, frame assembly, the size limit), ordered
 * non-blocking writes and closing.</li>
 * <li>{@link ai.mezon.light.internal.socket.IncomingRouter}: frames to replies and typed events.</li>
 * <li>{@link ai.mezon.light.internal.socket.EventDispatcher}: ordered lanes per channel, run by a
 * few workers; {@link ai.mezon.light.internal.socket.ReadFlow} turns its backpressure into the
 * link's demand.</li>
 * <li>{@link ai.mezon.light.internal.socket.SocketConnection}: the connection's state machine
 * (connect, lost, reconnect with backoff, renewing the session), with
 * {@link ai.mezon.light.internal.socket.Heartbeat} and
 * {@link ai.mezon.light.internal.socket.Reconnector}.</li>
 * <li>{@link ai.mezon.light.internal.socket.SocketRequests}: the request commands (join, leave,
 * send, edit, delete, react, typing), through the
 * {@link ai.mezon.light.internal.socket.SendThrottle}.</li>
 * <li>{@link ai.mezon.light.internal.socket.JoinedChannels}: the channels the socket is in, rejoined
 * after reconnects and restored after restarts ({@link ai.mezon.light.internal.socket.ChannelMemory}).</li>
 * <li>{@link ai.mezon.light.internal.socket.CatchUp} and
 * {@link ai.mezon.light.internal.socket.CatchUpOnJoin}: missed messages, each delivered once.</li>
 * <li>{@link ai.mezon.light.internal.socket.SocketFactory}: the wiring, in one place.</li>
 * </ul>
 *
 * <h2>An incoming message, from frame to {@code @EventListener}</h2>
 * Six hops, each in one direction (no call back into a class already passed), with the thread
 * that runs it:
 * <ol>
 * <li>{@code Link.Reader.onBinary}, on the HTTP client's reading thread
 * ({@code mezon-socket-io-N}): assembles the frame's parts, drops a frame over the size limit,
 * skips a {@code 0xFF} frame, and hands the frame to the router;</li>
 * <li>{@code IncomingRouter.onFrame}, same thread: decodes the envelope
 * ({@link ai.mezon.light.internal.socket.EnvelopeCodec}) and maps it to a typed event
 * ({@link ai.mezon.light.internal.socket.FrameMapper}), both stateless functions; a reply completes
 * its request, a push is queued on its channel's lane (no lock taken);</li>
 * <li>the channel's lane in {@code EventDispatcher}, on a dispatch worker
 * ({@code mezon-socket-N-M}, or the configured executor, e.g. virtual threads): runs the channel's
 * events one at a time, in order;</li>
 * <li>{@code CatchUp.deliver}, same worker (only with catch-up): drops a duplicate, advances the
 * channel's cursor;</li>
 * <li>{@code SocketListeners.deliver}, same worker: every {@link ai.mezon.light.SocketListener}
 * in turn, one's exception not stopping the others;</li>
 * <li>with the Spring Boot starter, its {@code ApplicationEventBridge} (a listener), same worker:
 * publishes the {@code Mezon...Event}, and Spring calls the {@code @EventListener} methods.</li>
 * </ol>
 * When the lanes hold {@code queueCapacity} events, the link asks for no more frames (TCP pushes
 * back on the server) until handlers drained them to half; nothing is dropped.
 *
 * <h2>A request, from call to completed future</h2>
 * {@code SocketRequests} checks the arguments on the caller's thread, starts the request's
 * deadline (the shared {@code mezon-socket-timer}), passes the send throttle (released on the
 * caller's thread or the timer's) and {@code SocketConnection} writes it on the current link, or
 * queues it while connecting; the link writes without blocking. The reply is matched on the
 * reading thread, and the caller's future completes on the {@code CallbackPool}
 * ({@code mezon-callback-N}), so no caller code ever runs on the reading or timer thread. The
 * deadline is not a timer task of its own: {@code Deadlines} keeps one ordered track per timeout
 * with one timer task armed for its oldest request.
 */
@NullMarked
package ai.mezon.light.internal.socket;

import org.jspecify.annotations.NullMarked;
