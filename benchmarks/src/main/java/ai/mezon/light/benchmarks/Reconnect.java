package ai.mezon.light.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import ai.mezon.light.ConnectionState;
import ai.mezon.light.LightSocket;
import ai.mezon.light.test.TestChannel;

/**
 * Scenario 4, reconnect: a socket joined to the DM and the 100 groups loses its connection while
 * the server refuses every handshake (HTTP 503); once the socket is backing off, the server
 * accepts again. Measured from that instant to the socket reporting {@code CONNECTED}, which it
 * does only after every rejoin was answered; split at the server's accepted handshake. After each
 * trial one message per channel proves all 101 channels deliver again (not timed).
 */
final class Reconnect {

	/** The smallest useful backoff: 10 ms first cap, doubling to 100 ms (full jitter below each cap). */
	static final Duration INITIAL = Duration.ofMillis(10);

	static final Duration MAX = Duration.ofMillis(100);

	private Reconnect() {
	}

	/** One trial, in milliseconds: server back → handshake accepted → all rejoined. */
	record Trial(double toHandshake, double toRejoined) {
	}

	static List<Trial> run(Fixture fixture, int trials) throws Exception {
		LightSocket socket = fixture.socket(Fixture.socketOptions().reconnectBackoff(INITIAL, MAX, 2.0).build());
		AtomicInteger delivered = new AtomicInteger();
		socket.onChannelMessage((message) -> delivered.incrementAndGet());
		List<TestChannel> channels = new ArrayList<>(fixture.groups);
		channels.add(fixture.dm);
		List<CompletableFuture<Void>> joins = new ArrayList<>();
		joins.add(socket.joinDMChannel(fixture.dm.idString()));
		fixture.groups.forEach((group) -> joins.add(socket.joinGroupChannel(group.idString())));
		CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
		List<Trial> results = new ArrayList<>();
		try {
			for (int t = 0; t < trials; t++) {
				fixture.server.refuseNextHandshakes(Integer.MAX_VALUE);
				fixture.server.dropConnections(fixture.self);
				await(() -> socket.getState() == ConnectionState.RECONNECTING, "the socket notices the loss");
				// Several refused attempts: the backoff has reached its cap.
				Thread.sleep(300);
				int handshakes = fixture.server.socketHandshakeCount();
				long back = System.nanoTime();
				fixture.server.refuseNextHandshakes(0);
				long accepted = 0;
				long deadline = back + TimeUnit.SECONDS.toNanos(10);
				while (socket.getState() != ConnectionState.CONNECTED) {
					if (accepted == 0 && fixture.server.socketHandshakeCount() != handshakes) {
						accepted = System.nanoTime();
					}
					if (System.nanoTime() - deadline > 0) {
						throw new IllegalStateException("Not reconnected within 10 s");
					}
					LockSupport.parkNanos(20_000);
				}
				long rejoined = System.nanoTime();
				if (accepted == 0) {
					accepted = rejoined;
				}
				results.add(new Trial((accepted - back) / 1e6, (rejoined - back) / 1e6));
				int before = delivered.get();
				for (TestChannel channel : channels) {
					fixture.server.sendRawAs(fixture.sender, channel, Fixture.CONTENT);
				}
				await(() -> delivered.get() - before >= channels.size(), "every channel delivers after the rejoin");
			}
			return results;
		}
		finally {
			fixture.server.refuseNextHandshakes(0);
			socket.disconnect();
		}
	}

	private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("Timed out: " + what);
			}
			Thread.sleep(1);
		}
	}

}
