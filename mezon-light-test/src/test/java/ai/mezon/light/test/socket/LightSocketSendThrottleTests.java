package ai.mezon.light.test.socket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import ai.mezon.light.MezonSocketException;
import ai.mezon.light.message.MessageAck;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.socket.SocketTestSupport.Connected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The send throttle against the server: a burst waits its turn instead of reaching the server at
 * once, nothing is lost, the order is kept, and a full queue refuses at once.
 */
class LightSocketSendThrottleTests extends SocketTestBase {

	@Test
	void aBurstIsQueuedAndEveryMessageArrivesInOrder() {
		TestUser alice = server.createUser("alice");
		TestUser bob = server.createUser("bob");
		TestChannel dm = server.createDm(alice, bob);
		Connected a = this.support.connect(alice, SocketTestSupport.fastOptions()
			.sendRate(200)
			.requestTimeout(Duration.ofSeconds(10))
			.build());
		a.socket().joinDMChannel(dm.idString()).join();

		List<CompletableFuture<MessageAck>> acks = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			acks.add(a.socket().sendDM(dm.idString(), "burst " + i));
		}
		// Right after the burst most of it still waits for its slot: the server did not see it at once.
		assertThat(a.socket().getMetrics().throttledSends()).isGreaterThan(100);

		CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
		assertThat(server.messages(dm)).extracting((m) -> m.text())
			.containsExactlyElementsOf(IntStream.range(0, 200).mapToObj((i) -> "burst " + i).toList());
		assertThat(a.socket().getMetrics().throttledSends()).isZero();
	}

	@Test
	void aFullThrottleQueueRefusesTheNextSendAtOnce() {
		TestUser alice = server.createUser("alice");
		TestUser bob = server.createUser("bob");
		TestChannel dm = server.createDm(alice, bob);
		Connected a = this.support.connect(alice,
				SocketTestSupport.fastOptions().sendRate(1).sendQueueCapacity(2).build());
		a.socket().joinDMChannel(dm.idString()).join();

		a.socket().sendDM(dm.idString(), "goes at once");
		a.socket().sendDM(dm.idString(), "waits 1");
		a.socket().sendDM(dm.idString(), "waits 2");
		CompletableFuture<MessageAck> refused = a.socket().sendDM(dm.idString(), "one too many");

		assertThatThrownBy(refused::join).cause()
			.isInstanceOf(MezonSocketException.class)
			.hasMessageContaining("2 requests already wait for the send throttle (1 a second)");
	}

}
