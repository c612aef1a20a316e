package ai.mezon.light.test.socket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.mezon.light.ConnectionState;
import ai.mezon.light.SocketMetrics;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.MezonTestServerExtension;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.socket.SocketTestSupport.Connected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst far larger than the dispatch queue, to a handler slower than the network: everything
 * arrives, in order, with the queue bounded and without the heartbeat mistaking the pause for a
 * dead server.
 */
class LightSocketBackpressureTests {

	/** A server of this test's own, closed after it. */
	@RegisterExtension
	final MezonTestServerExtension mezon = new MezonTestServerExtension();

	private static final int BURST = 10_000;

	private static final int CAPACITY = 64;

	@Test
	void slowHandlerGetsEveryMessageInOrderWithABoundedQueue() {
		MezonTestServer server = this.mezon.get();
		try (SocketTestSupport support = new SocketTestSupport(server)) {
			TestUser flooder = server.createUser("flooder");
			TestUser slow = server.createUser("slow");
			TestChannel dm = server.createDm(flooder, slow);
			Connected s = support.connect(slow, SocketTestSupport.fastOptions()
				.queueCapacity(CAPACITY)
				// Short, so a heartbeat tripped by the pause would show.
				.heartbeatInterval(Duration.ofMillis(200))
				.build());
			List<String> seen = Collections.synchronizedList(new ArrayList<>());
			s.socket().onChannelMessage((message) -> {
				// Deliberately slower than the network.
				LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
				seen.add(message.text());
			});
			s.socket().joinDMChannel(dm.idString()).join();

			for (int i = 0; i < BURST; i++) {
				server.sendAs(flooder, dm, Integer.toString(i));
			}
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(20))
				.untilAsserted(() -> assertThat(seen).hasSize(BURST));
			for (int i = 0; i < BURST; i++) {
				assertThat(seen.get(i)).isEqualTo(Integer.toString(i));
			}
			SocketMetrics metrics = s.socket().getMetrics();
			assertThat(metrics.queueHighWaterMark()).isLessThanOrEqualTo(CAPACITY);
			assertThat(metrics.readPauses()).as("reading was paused at least once").isPositive();
			assertThat(metrics.reconnects()).isZero();
			assertThat(s.events().states()).doesNotContain(ConnectionState.RECONNECTING);
			assertThat(s.events().errors()).isEmpty();
			assertThat(server.socketConnectionCount(slow)).isEqualTo(1);
		}
	}

}
