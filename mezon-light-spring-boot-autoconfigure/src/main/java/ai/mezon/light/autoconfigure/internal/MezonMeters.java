package ai.mezon.light.autoconfigure.internal;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import ai.mezon.light.ConnectionState;
import ai.mezon.light.LightSocket;
import ai.mezon.light.SocketListener;
import ai.mezon.light.Subscription;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.session.Session;
import ai.mezon.light.session.SessionListener;
import ai.mezon.light.spring.MezonTemplate;

/**
 * Micrometer meters of the auto-configured socket and client:
 * <ul>
 * <li>{@code mezon.messages.received} (counter; tag {@code channel.type} dm, group or other):
 * every message pushed on a joined channel, own echoes included;</li>
 * <li>{@code mezon.messages.sent} (counter) and {@code mezon.send.latency} (timer, call to
 * acknowledgement), tags {@code channel.type}, {@code outcome} success or failure, and
 * {@code operation} send, edit, delete, react or unreact: what went through
 * {@link MezonTemplate} and {@code event.reply(...)}; select {@code operation=send} to count new
 * messages only (typing indicators are not counted);</li>
 * <li>{@code mezon.socket.reconnects} and {@code mezon.socket.malformed.frames} (function counters
 * over {@link LightSocket#getMetrics()});</li>
 * <li>{@code mezon.socket.state} (gauge per {@code state} tag: 1 for the current state, else 0);</li>
 * <li>{@code mezon.socket.events.queued} (gauge: events waiting for a handler);</li>
 * <li>{@code mezon.session.refreshes} (counter; tag {@code change} refreshed or authenticated).</li>
 * </ul>
 */
public final class MezonMeters implements SocketListener, SessionListener, MezonTemplate.SendObserver, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(MezonMeters.class);

	private final MeterRegistry registry;

	private final Subscription socketSubscription;

	private final AutoCloseable sessionSubscription;

	/**
	 * Registers the meters and starts counting.
	 * @param registry the registry
	 * @param socket the socket (and, through it, the client) to observe
	 */
	public MezonMeters(MeterRegistry registry, LightSocket socket) {
		this.registry = registry;
		FunctionCounter.builder("mezon.socket.reconnects", socket, (s) -> s.getMetrics().reconnects())
			.description("Successful reconnects of the Mezon socket")
			.register(registry);
		FunctionCounter.builder("mezon.socket.malformed.frames", socket, (s) -> s.getMetrics().malformedFrames())
			.description("Frames from the Mezon server that could not be decoded")
			.register(registry);
		Gauge.builder("mezon.socket.events.queued", socket, (s) -> s.getMetrics().queuedEvents())
			.description("Incoming Mezon events waiting for a handler")
			.register(registry);
		for (ConnectionState state : ConnectionState.values()) {
			Gauge.builder("mezon.socket.state", socket, (s) -> (s.getState() == state) ? 1 : 0)
				.description("Whether the Mezon socket is in this state (1) or not (0)")
				.tag("state", state.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
		this.socketSubscription = socket.addListener(this);
		this.sessionSubscription = socket.getClient().addSessionListener(this);
	}

	@Override
	public void onChannelMessage(ChannelMessage message) {
		Counter.builder("mezon.messages.received")
			.description("Messages received on joined Mezon channels")
			.tag("channel.type", channelType(message.channelType()))
			.register(this.registry)
			.increment();
	}

	@Override
	public void sent(ChannelType type, Duration duration, @Nullable Throwable failure) {
		completed(MezonTemplate.Operation.SEND, type, duration, failure);
	}

	@Override
	public void completed(MezonTemplate.Operation operation, ChannelType type, Duration duration,
			@Nullable Throwable failure) {
		String outcome = (failure != null) ? "failure" : "success";
		String op = operation.name().toLowerCase(Locale.ROOT);
		Counter.builder("mezon.messages.sent")
			.description("Messages sent, edited, deleted or reacted to through MezonTemplate")
			.tag("channel.type", channelType(type))
			.tag("outcome", outcome)
			.tag("operation", op)
			.register(this.registry)
			.increment();
		Timer.builder("mezon.send.latency")
			.description("Time from a send (or edit, deletion, reaction) to the server's answer")
			.tag("channel.type", channelType(type))
			.tag("outcome", outcome)
			.tag("operation", op)
			.register(this.registry)
			.record(duration);
	}

	@Override
	public void sessionChanged(Session session, Change change) {
		Counter.builder("mezon.session.refreshes")
			.description("Changes of the Mezon session: refreshes, and authentications after the refresh token died")
			.tag("change", change.name().toLowerCase(Locale.ROOT))
			.register(this.registry)
			.increment();
	}

	@Override
	public void destroy() {
		this.socketSubscription.close();
		try {
			this.sessionSubscription.close();
		}
		catch (Exception ex) {
			logger.debug("Could not remove the session listener", ex);
		}
	}

	private static String channelType(@Nullable ChannelType type) {
		if (type == null) {
			return "other";
		}
		return (type == ChannelType.DM) ? "dm" : "group";
	}

}
