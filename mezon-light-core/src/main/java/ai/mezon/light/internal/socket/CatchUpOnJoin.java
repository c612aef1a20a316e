package ai.mezon.light.internal.socket;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.SocketListener;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.proto.realtime.Envelope;

/**
 * Catch-up around a join or rejoin: holds the channel's lane from before the join goes out, reads
 * what was missed once the server has the join, and delivers it ahead of anything pushed since.
 * Without catch-up configured, a join is just sent.
 *
 * <p>Threads: the gate is taken on the joining thread; the history is read on the pool (blocking
 * REST calls), never on the reading or timer thread that completes the join; deliveries run on
 * the channel's lane. No lock: the gate and {@link CatchUp} order everything.
 */
final class CatchUpOnJoin {

	/** Catch-up of missed messages, or {@code null} when not configured. */
	private final @Nullable CatchUp catchUp;

	private final EventDispatcher dispatcher;

	private final SocketListeners listeners;

	/** The socket's pool, for the history reads. */
	private final Executor pool;

	CatchUpOnJoin(@Nullable CatchUp catchUp, EventDispatcher dispatcher, SocketListeners listeners, Executor pool) {
		this.catchUp = catchUp;
		this.dispatcher = dispatcher;
		this.listeners = listeners;
		this.pool = pool;
	}

	/**
	 * Sends a join with catch-up around it.
	 * @param channelId the channel joined
	 * @param fromStart whether a channel without a cursor is caught up from its start (a channel new
	 * to the bot) rather than from its latest message
	 * @param sendJoin sends the join request
	 * @return the join's reply, as {@code sendJoin} returned it
	 */
	CompletableFuture<Envelope> join(long channelId, boolean fromStart, Supplier<CompletableFuture<Envelope>> sendJoin) {
		CatchUp current = this.catchUp;
		if (current == null) {
			return sendJoin.get();
		}
		// Held before the request goes out: a push may come before the join's answer, and must wait
		// behind the missed messages.
		EventDispatcher.Gate gate = this.dispatcher.gate(channelId);
		CompletableFuture<Envelope> joining = sendJoin.get();
		openAfter(current, joining, channelId, fromStart, gate);
		return joining;
	}

	/**
	 * Once joined, reads what was missed (on the pool: REST calls) and opens the gate with it; a
	 * failed join opens it with nothing.
	 */
	private void openAfter(CatchUp current, CompletableFuture<Envelope> join, long channelId, boolean fromStart,
			EventDispatcher.Gate gate) {
		long epoch = current.epoch();
		join.whenComplete((reply, ex) -> {
			if (ex != null) {
				gate.open(List.of());
				return;
			}
			this.pool.execute(() -> {
				List<Runnable> deliveries = new ArrayList<>();
				try {
					for (ai.mezon.light.proto.api.ChannelMessage proto : current.missed(channelId, fromStart)) {
						// A message created and deleted while away is gone: nothing to deliver. An edited one
						// is new to us: delivered as a message, in its latest version.
						if (proto.getCode() == 2) {
							continue;
						}
						ChannelMessage message = FrameMapper.message(proto, this.listeners::reportError);
						long messageId = proto.getMessageId();
						deliveries.add(() -> current.deliver(channelId, messageId, epoch,
								() -> this.listeners.deliver(SocketListener::onChannelMessage, message)));
					}
				}
				finally {
					gate.open(deliveries);
				}
			});
		});
	}

}
