package ai.mezon.light.test.socket;

import org.junit.jupiter.api.Test;

import ai.mezon.light.ConnectionState;
import ai.mezon.light.MezonFrameTooLargeException;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.socket.SocketTestSupport.Connected;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames arrive in parts and are assembled up to {@code maxFrameSize}; a larger one is dropped
 * whole and reported as what it is, the connection stays up and reads on from the next frame;
 * frames starting with {@code 0xFF} are skipped without a word (PROTOCOL.md §4, "Limits").
 */
class LightSocketFrameSizeTests extends SocketTestBase {

	@Test
	void frameOfManyPartsIsAssembled() {
		TestUser alice = server.createUser("alice");
		TestUser bob = server.createUser("bob");
		TestChannel dm = server.createDm(alice, bob);
		Connected b = this.support.connect(bob);
		b.socket().joinDMChannel(dm.idString()).join();

		String large = "x".repeat(300 * 1024) + "end";
		server.sendAs(alice, dm, large);
		server.sendAs(alice, dm, "small after");

		ChannelMessage first = b.events().nextMessage();
		assertThat(first.text()).hasSize(large.length()).isEqualTo(large);
		assertThat(b.events().nextMessage().text()).isEqualTo("small after");
		assertThat(b.events().errors()).isEmpty();
	}

	@Test
	void frameOverTheLimitIsDroppedAndReportedAndTheLinkStaysUp() {
		TestUser alice = server.createUser("alice");
		TestUser bob = server.createUser("bob");
		TestChannel dm = server.createDm(alice, bob);
		Connected b = this.support.connect(bob, SocketTestSupport.fastOptions().maxFrameSize(100 * 1024).build());
		b.socket().joinDMChannel(dm.idString()).join();

		server.sendAs(alice, dm, "small-1");
		String bigId = server.sendAs(alice, dm, "y".repeat(150 * 1024)).messageId();
		for (int i = 2; i <= 6; i++) {
			server.sendAs(alice, dm, "small-" + i);
		}

		for (int i = 1; i <= 6; i++) {
			assertThat(b.events().nextMessage().text()).isEqualTo("small-" + i);
		}
		// Reported on the socket's control lane, not the channel's: it may come after the messages.
		SocketTestSupport.await("the oversized frame is reported", () -> !b.events().errors().isEmpty());
		assertThat(b.events().errors()).singleElement()
			.isInstanceOfSatisfying(MezonFrameTooLargeException.class, (ex) -> {
				assertThat(ex.getLimit()).isEqualTo(100 * 1024);
				assertThat(ex.getSize()).isGreaterThan(150 * 1024);
				assertThat(ex).hasMessageContaining("message " + bigId + " in channel " + dm.idString())
					.hasMessageContaining("mezon.socket.max-frame-size");
			});
		assertThat(b.events().states()).doesNotContain(ConnectionState.RECONNECTING);
		assertThat(b.socket().getMetrics().oversizedFrames()).isEqualTo(1);
		assertThat(b.socket().getMetrics().reconnects()).isZero();
	}

	@Test
	void framesStartingWith0xFFAreSkippedSilently() {
		TestUser alice = server.createUser("alice");
		TestUser bob = server.createUser("bob");
		TestChannel dm = server.createDm(alice, bob);
		Connected b = this.support.connect(bob);
		b.socket().joinDMChannel(dm.idString()).join();

		server.pushFrame(bob, new byte[] { (byte) 0xFF, 0x01, 0x02, 0x03 });
		server.sendAs(alice, dm, "after the raw chunk");

		assertThat(b.events().nextMessage().text()).isEqualTo("after the raw chunk");
		assertThat(b.events().errors()).isEmpty();
		assertThat(b.socket().getMetrics().malformedFrames()).isZero();
		assertThat(b.socket().isConnected()).isTrue();
	}

}
