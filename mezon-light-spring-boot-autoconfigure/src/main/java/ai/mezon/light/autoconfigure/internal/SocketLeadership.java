package ai.mezon.light.autoconfigure.internal;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.leader.Candidate;
import org.springframework.integration.leader.Context;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.LockRegistry;

import ai.mezon.light.ConnectOptions;
import ai.mezon.light.ConnectionState;
import ai.mezon.light.LightSocket;

/**
 * One active socket among several instances ({@code mezon.instances.single-active-socket}): a
 * Spring Integration {@link LockRegistryLeaderInitiator} elects a leader over the shared
 * {@link LockRegistry}; only the leader runs the {@link SocketLifecycle} (connects, joins the
 * configured channels, catches up from the shared cursors, delivers messages). When the leader
 * stops or loses its lock, another instance is granted leadership within about
 * {@code leader-heartbeat} (or {@code lock-ttl} when the leader died without releasing it).
 *
 * <p>Graceful stop: the socket is disconnected first, which fences deliveries (nothing queued is
 * delivered afterwards, every cursor is final), then the initiator is stopped and the lock
 * released, so the next leader delivers each message the old one did not, once. Leadership lost
 * involuntarily (lock expired, store down) may deliver a message on both sides: the lock is gone
 * before this instance hears of it.
 *
 * <p>Sends on an instance that is not the leader go through a second, send-only socket (no
 * channels joined, nothing delivered), connected on the first send and closed on shutdown: see
 * {@link #sendingSocket()}.
 */
public final class SocketLeadership implements SmartLifecycle, SendingSocketRouter {

	private static final Logger logger = LoggerFactory.getLogger(SocketLeadership.class);

	/** Bound of the waits of {@link #stop()}: a transition in progress, the lock's release. */
	private static final Duration STOP_WAIT = Duration.ofSeconds(30);

	private final LightSocket socket;

	private final SocketLifecycle delegate;

	private final LockRegistry<?> registry;

	private final String role;

	private final Duration heartbeat;

	private final Supplier<LightSocket> sendOnlySockets;

	private final String id = UUID.randomUUID().toString();

	private final Object monitor = new Object();

	// A follower has no socket connected, yet the application must stay up to take over.
	private final KeepAlive keepAlive = new KeepAlive();

	private @Nullable ExecutorService transitions;

	private @Nullable LockRegistryLeaderInitiator initiator;

	private @Nullable LightSocket sendOnly;

	private volatile boolean running;

	private volatile boolean leader;

	private volatile CountDownLatch revoked = new CountDownLatch(0);

	/**
	 * @param socket the auto-configured socket, connected only while leader
	 * @param delegate connects and stops it
	 * @param registry the lock registry shared by the instances
	 * @param role the leadership role, the lock's key (one per bot)
	 * @param heartbeat how often the leader renews its lock and the others try to take it
	 * @param sendOnlySockets creates the send-only socket used while not leader
	 */
	public SocketLeadership(LightSocket socket, SocketLifecycle delegate, LockRegistry<?> registry, String role,
			Duration heartbeat, Supplier<LightSocket> sendOnlySockets) {
		this.socket = socket;
		this.delegate = delegate;
		this.registry = registry;
		this.role = role;
		this.heartbeat = heartbeat;
		this.sendOnlySockets = sendOnlySockets;
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.running) {
				return;
			}
			this.transitions = Executors.newSingleThreadExecutor((task) -> {
				Thread thread = new Thread(task, "mezon-leadership");
				thread.setDaemon(true);
				return thread;
			});
			LockRegistryLeaderInitiator initiator = new LockRegistryLeaderInitiator(this.registry, new SocketCandidate());
			SimpleAsyncTaskExecutor selectors = new SimpleAsyncTaskExecutor("mezon-leader-election-");
			selectors.setDaemon(true);
			initiator.setTaskExecutor(selectors);
			initiator.setHeartBeatMillis(this.heartbeat.toMillis());
			initiator.setBusyWaitMillis(Math.max(10, Math.min(100, this.heartbeat.toMillis() / 5)));
			this.initiator = initiator;
			this.running = true;
			this.keepAlive.start();
			initiator.start();
		}
		logger.info("Mezon socket leader election started (role {}, candidate {})", this.role, this.id);
	}

	@Override
	public void stop() {
		ExecutorService executor;
		LockRegistryLeaderInitiator current;
		LightSocket secondary;
		synchronized (this.monitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			executor = this.transitions;
			current = this.initiator;
			secondary = this.sendOnly;
			this.transitions = null;
			this.initiator = null;
			this.sendOnly = null;
		}
		boolean wasLeader = this.leader;
		// First the socket: once it is down no delivery happens and every cursor is final, so the
		// instance taking the lock next catches up exactly what this one did not deliver.
		runAndWait(executor, this.delegate::stop);
		if (current != null) {
			current.stop();
		}
		if (wasLeader) {
			await(this.revoked, "the leadership lock to be released");
		}
		if (secondary != null) {
			secondary.disconnect();
		}
		if (executor != null) {
			executor.shutdown();
		}
		this.keepAlive.stop();
		logger.info("Mezon socket leader election stopped (candidate {})", this.id);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return SocketLifecycle.PHASE;
	}

	/** @return whether this instance is the leader: its socket is the active one */
	public boolean isLeader() {
		return this.leader;
	}

	/**
	 * The socket sends go through: the auto-configured one while it is up or coming up (leader),
	 * else a send-only socket of this instance, connected on first use. The server fans a message
	 * out to the channel's other connections, the leader's included, so it is delivered there as a
	 * message from the bot's own user (not published unless
	 * {@code mezon.events.include-own-messages}).
	 * @return the socket to send through
	 */
	@Override
	public LightSocket sendingSocket() {
		if (this.leader || this.socket.getState() != ConnectionState.DISCONNECTED) {
			return this.socket;
		}
		synchronized (this.monitor) {
			if (!this.running) {
				return this.socket;
			}
			if (this.sendOnly == null) {
				LightSocket created = this.sendOnlySockets.get();
				created.connect(ConnectOptions.defaults().withRetryFirstConnect(true)).whenComplete((ignored, ex) -> {
					if (ex != null) {
						logger.warn("Mezon send-only socket failed to connect ({}); it keeps trying", ex.getMessage());
					}
				});
				this.sendOnly = created;
				logger.info("Mezon socket is not the leader here: sends go through a send-only socket");
			}
			return this.sendOnly;
		}
	}

	private void transition(Runnable action) {
		ExecutorService executor = this.transitions;
		if (executor == null) {
			return;
		}
		try {
			executor.execute(action);
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			logger.debug("Leadership change ignored: stopping");
		}
	}

	private static void runAndWait(@Nullable ExecutorService executor, Runnable action) {
		if (executor == null) {
			action.run();
			return;
		}
		try {
			executor.submit(action).get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Stopping the Mezon socket failed: {}", ex.toString());
			action.run();
		}
	}

	private static void await(CountDownLatch latch, String what) {
		try {
			if (!latch.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Timed out waiting for {}", what);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "SocketLeadership[role=" + this.role + ", candidate=" + this.id + ", leader=" + this.leader + "]";
	}

	/** The candidate: called on the initiator's election thread, hands the work to the transitions thread. */
	private final class SocketCandidate implements Candidate {

		@Override
		public String getRole() {
			return SocketLeadership.this.role;
		}

		@Override
		public String getId() {
			return SocketLeadership.this.id;
		}

		@Override
		public void onGranted(Context context) {
			SocketLeadership.this.revoked = new CountDownLatch(1);
			SocketLeadership.this.leader = true;
			logger.info("This instance is now the Mezon socket leader (role {})", getRole());
			// Off the election thread: connecting may take up to the connect timeout, and the lock
			// must keep being renewed meanwhile.
			transition(() -> {
				if (SocketLeadership.this.running && SocketLeadership.this.leader) {
					SocketLeadership.this.delegate.start();
				}
			});
		}

		@Override
		public void onRevoked(Context context) {
			SocketLeadership.this.leader = false;
			logger.info("This instance is no longer the Mezon socket leader (role {})", getRole());
			transition(SocketLeadership.this.delegate::stop);
			SocketLeadership.this.revoked.countDown();
		}

	}

}
