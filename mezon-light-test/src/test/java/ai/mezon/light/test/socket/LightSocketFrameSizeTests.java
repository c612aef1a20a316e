package ai.mezon.light.test.socket;

import org.junit.jupiter.api.Test;

import ai.mezon.light.ChannelMessage;
import ai.mezon.light.ConnectionState;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.socket.SocketTestSupport.Connected;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames larger than the container's read buffer arrive in parts and are assembled by the SDK up
 * to {@code maxFrameSize}; a larger one closes the link (1009) and the socket heals.
 */
class LightSocketFrameSizeTests extends SocketTestBase {

	@Test
	void frameOfManyBuffersIsAssembled() {
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
	void frameOverTheLimitClosesTheLinkAndTheSocketHeals() {
		TestUser alice = server.createUser("alice");
		TestUser bob = server.createUser("bob");
		TestChannel dm = server.createDm(alice, bob);
		Connected b = this.support.connect(bob, SocketTestSupport.fastOptions().maxFrameSize(100 * 1024).build());
		b.socket().joinDMChannel(dm.idString()).join();

		server.sendAs(alice, dm, "y".repeat(150 * 1024));
		SocketTestSupport.await("the socket reconnects", () -> b.events().states().contains(ConnectionState.RECONNECTING)
				&& b.socket().getState() == ConnectionState.CONNECTED);
		server.sendAs(alice, dm, "after the reconnect");

		assertThat(b.events().nextMessage().text()).isEqualTo("after the reconnect");
	}

}
