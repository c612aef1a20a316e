package ai.mezon.light.test.internal.ws;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults a test switches on: refused handshakes, unanswered pings, delayed acks. The switches are
 * lock-free; a delayed ack runs on this class's own daemon timer thread.
 */
public final class SocketFaults {

	private final AtomicInteger handshakesToRefuse = new AtomicInteger();

	private volatile long pongsPausedUntilNanos = System.nanoTime();

	private volatile Duration ackDelay = Duration.ZERO;

	private final AtomicInteger connectionsToClose = new AtomicInteger();

	private volatile int closeCode = 1000;

	private volatile String closeReason = "";

	private final ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "mezon-test-server-delayed-acks");
		thread.setDaemon(true);
		return thread;
	});

	/** @param count how many of the next handshakes to refuse (HTTP 503) */
	public void refuseNextHandshakes(int count) {
		this.handshakesToRefuse.set(count);
	}

	/** @return whether this handshake must be refused (consumes one refusal) */
	boolean takeRefusal() {
		return this.handshakesToRefuse.getAndUpdate((n) -> (n > 0) ? n - 1 : 0) > 0;
	}

	/** @param duration how long pings go unanswered from now */
	public void stopAnsweringPings(Duration duration) {
		this.pongsPausedUntilNanos = System.nanoTime() + duration.toNanos();
	}

	boolean answerPings() {
		return System.nanoTime() - this.pongsPausedUntilNanos >= 0;
	}

	/**
	 * @param count how many of the next connections to close as soon as they are open
	 * @param code the close code
	 * @param reason the close reason
	 */
	public void closeNextConnections(int count, int code, String reason) {
		this.closeCode = code;
		this.closeReason = reason;
		this.connectionsToClose.set(count);
	}

	/** @return whether this new connection must be closed at once (consumes one) */
	boolean takeCloseAtOnce() {
		return this.connectionsToClose.getAndUpdate((n) -> (n > 0) ? n - 1 : 0) > 0;
	}

	int closeCode() {
		return this.closeCode;
	}

	String closeReason() {
		return this.closeReason;
	}

	/** @param delay how long to hold every ack from now on ({@link Duration#ZERO} for none) */
	public void delayAcks(Duration delay) {
		this.ackDelay = delay;
	}

	/**
	 * Sends an ack now, or on the timer thread after the configured delay.
	 * @param send sends the ack
	 */
	void sendAck(Runnable send) {
		Duration delay = this.ackDelay;
		if (delay.isZero()) {
			send.run();
		}
		else {
			this.delayed.schedule(send, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/** Switches every fault off: handshakes accepted, pings answered, acks sent at once. */
	public void reset() {
		this.handshakesToRefuse.set(0);
		this.pongsPausedUntilNanos = System.nanoTime();
		this.ackDelay = Duration.ZERO;
		this.connectionsToClose.set(0);
	}

	/** Stops the delayed-ack timer; acks still held are dropped. */
	void shutdown() {
		this.delayed.shutdownNow();
	}

}
