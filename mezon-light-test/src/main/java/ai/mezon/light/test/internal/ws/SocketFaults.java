package ai.mezon.light.test.internal.ws;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults a test switches on: refused handshakes, unanswered pings, delayed acks. Lock-free.
 */
public final class SocketFaults {

	private final AtomicInteger handshakesToRefuse = new AtomicInteger();

	private volatile long pongsPausedUntilNanos = System.nanoTime();

	private volatile Duration ackDelay = Duration.ZERO;

	private final AtomicInteger connectionsToClose = new AtomicInteger();

	private volatile int closeCode = 1000;

	private volatile String closeReason = "";

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

	Duration ackDelay() {
		return this.ackDelay;
	}

}
