package ai.mezon.light.internal.socket;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.SocketMetrics;
import ai.mezon.light.SocketOptions;
import ai.mezon.light.message.HistoryDirection;
import ai.mezon.light.proto.api.ChannelMessage;

/**
 * Wires one socket's parts: the one place that knows who talks to whom.
 *
 * <pre>
 * Link --frames--> IncomingRouter --lanes--> EventDispatcher --> CatchUp --> SocketListeners
 * Link --end--> SocketConnection (state machine) --link up--> JoinedChannels (rejoin, restore)
 * SocketRequests --> SendThrottle --> SocketConnection --> Link
 * </pre>
 */
public final class SocketFactory {

	private static final AtomicInteger socketIds = new AtomicInteger();

	private SocketFactory() {
	}

	/**
	 * @param session the client's session as the socket needs it
	 * @param options the socket options
	 * @param memory where joined channels are remembered beyond this process ({@link ChannelMemory#NONE} for nowhere)
	 * @return the wired socket, disconnected
	 */
	public static SocketEngine create(SessionAccess session, SocketOptions options, ChannelMemory memory) {
		ExecutorService pool = newPool("mezon-socket-" + socketIds.incrementAndGet() + "-");
		Executor dispatch = (options.dispatchExecutor() != null) ? options.dispatchExecutor() : pool;
		SocketListeners[] listenersRef = new SocketListeners[1];
		// The dispatcher reports handler failures to the listeners, which queue their calls on its
		// control lane: each needs the other, so the first reaches the second through a reference.
		EventDispatcher dispatcher = new EventDispatcher(dispatch, options.queueCapacity(),
				(ex) -> listenersRef[0].reportHandlerFailure(ex));
		SocketListeners listeners = new SocketListeners(dispatcher::dispatchControl);
		listenersRef[0] = listeners;
		ReadFlow flow = new ReadFlow(pool);
		flow.setDispatcher(dispatcher);
		@Nullable CatchUp catchUp = (options.catchUp() != null) ? new CatchUp(options.catchUp(), new CatchUp.History() {

			@Override
			public List<ChannelMessage> after(long channelId, long anchor, int limit) {
				return session.history(channelId, anchor, HistoryDirection.AFTER, limit);
			}

			@Override
			public List<ChannelMessage> latest(long channelId) {
				return session.history(channelId, 0, HistoryDirection.BEFORE, 1);
			}

		}, listeners::reportError) : null;
		CatchUpOnJoin catchUpOnJoin = new CatchUpOnJoin(catchUp, dispatcher, listeners, pool);
		JoinedChannels channels = new JoinedChannels(catchUpOnJoin, listeners, dispatcher, pool, session,
				options.autoJoin(), options.requestTimeout(), memory);
		IncomingRouter router = new IncomingRouter(dispatcher, listeners, catchUp, channels);
		// One set of request deadlines per socket, for its requests and its rejoins and pings.
		Deadlines deadlines = new Deadlines(SocketTimer::schedule, System::nanoTime);
		SocketConnection connection = new SocketConnection(session, options, pool, listeners, router, flow,
				(lock) -> new Reconnector(lock, new Backoff(options.reconnectInitialDelay(), options.reconnectMaxDelay(),
						options.reconnectMultiplier()), options.reconnectMaxAttempts(),
						() -> ThreadLocalRandom.current().nextDouble(), SocketTimer::schedule),
				SocketTimer::schedule, deadlines);
		SendThrottle throttle = new SendThrottle(options.sendRate(), options.sendQueueCapacity(), SocketTimer::schedule,
				System::nanoTime);
		SocketRequests requests = new SocketRequests(connection, channels, throttle,
				new TypingThrottle(options.typingInterval(), System::nanoTime), options, session, deadlines);
		// A request that timed out while queued for a link leaves the queue.
		deadlines.onExpired(connection::forgetWaiting);
		connection.setLinkUp(channels::linkUp);
		if (catchUp != null) {
			connection.setFence(catchUp::fence);
		}
		connection.setOnStopped(channels::clear);
		channels.wire(requests::join, connection::requestOn);
		return new SocketEngine(connection, requests, channels, listeners, router,
				() -> new SocketMetrics(dispatcher.queued(), dispatcher.highWaterMark(), dispatcher.capacity(),
						dispatcher.pauses(), router.malformedFrames(), connection.reconnects(), router.oversizedFrames(),
						throttle.waiting()));
	}

	private static ExecutorService newPool(String prefix) {
		AtomicInteger threads = new AtomicInteger();
		return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), (task) -> {
			Thread thread = new Thread(task, prefix + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

}
