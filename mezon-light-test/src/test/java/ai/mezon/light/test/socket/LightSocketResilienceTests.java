package ai.mezon.light.test.socket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.mezon.light.ConnectOptions;
import ai.mezon.light.ConnectionState;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.MezonSocketException;
import ai.mezon.light.MezonTimeoutException;
import ai.mezon.light.message.MessageAck;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.socket.SocketTestSupport.Connected;

import static ai.mezon.light.test.socket.SocketTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A connection that heals itself: drops, refused handshakes, silent servers, garbage, expired
 * tokens; and requests that always complete.
 */
class LightSocketResilienceTests extends SocketTestBase {

	private TestUser alice;

	private TestUser bob;

	private TestChannel dm;

	@BeforeEach
	void setUp() {
		this.alice = server.createUser("alice");
		this.bob = server.createUser("bob");
		this.dm = server.createDm(this.alice, this.bob);
	}

	@AfterEach
	void tearDown() {
		server.resetFaults();
	}

	@Test
	void reconnectsAfterTheServerDropsTheLinkAndRejoins() {
		Connected a = this.support.connect(this.alice);
		Connected b = this.support.connect(this.bob);
		a.socket().joinDMChannel(this.dm.idString()).join();
		b.socket().joinDMChannel(this.dm.idString()).join();
		int handshakes = server.socketHandshakeCount();

		server.dropConnections(this.bob);
		awaitReconnected(b);

		assertThat(server.socketHandshakeCount()).isEqualTo(handshakes + 1);
		assertThat(b.socket().getJoinedChannels()).containsExactly(this.dm.idString());
		assertThat(server.framesFrom(this.bob)).filteredOn((f) -> f.kind() == Envelope.MessageCase.CHANNEL_JOIN)
			.hasSize(2);
		a.socket().sendDM(this.dm.idString(), "after the outage").join();
		assertThat(b.events().nextMessage().text()).isEqualTo("after the outage");
		assertThat(b.socket().getMetrics().reconnects()).isEqualTo(1);
	}

	@Test
	void sendDuringTheOutageIsAcknowledgedAfterIt() {
		Connected a = this.support.connect(this.alice);
		Connected b = this.support.connect(this.bob);
		a.socket().joinDMChannel(this.dm.idString()).join();
		b.socket().joinDMChannel(this.dm.idString()).join();
		server.refuseNextHandshakes(3);
		server.dropConnections(this.alice);
		// Recorded, not polled: the outage may be shorter than one poll.
		await("alice notices the loss", () -> a.events().states().contains(ConnectionState.RECONNECTING));

		MessageAck ack = a.socket().sendDM(this.dm.idString(), "sent while away").join();

		assertThat(a.socket().isConnected()).isTrue();
		assertThat(b.events().nextMessage().messageId()).isEqualTo(ack.messageId());
	}

	@Test
	void sendDuringALongOutageFailsWithTheTimeout() {
		Connected a = this.support.connect(this.alice,
				SocketTestSupport.fastOptions().requestTimeout(Duration.ofMillis(400)).build());
		a.socket().joinDMChannel(this.dm.idString()).join();
		server.refuseNextHandshakes(1_000);
		server.dropConnections(this.alice);
		await("alice notices the loss", () -> a.socket().getState() == ConnectionState.RECONNECTING);

		CompletableFuture<MessageAck> send = a.socket().sendDM(this.dm.idString(), "never delivered");

		assertThatThrownBy(send::join).isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOf(MezonTimeoutException.class)
			.hasMessageContaining("timed out after 400 ms");
		assertThat(server.messages(this.dm)).noneMatch((m) -> m.text().contains("never delivered"));
		server.refuseNextHandshakes(0);
		awaitReconnected(a);
	}

	@Test
	void survivesFiveRefusedHandshakes() {
		Connected b = this.support.connect(this.bob);
		b.socket().joinDMChannel(this.dm.idString()).join();
		int handshakes = server.socketHandshakeCount();
		server.refuseNextHandshakes(5);

		server.dropConnections(this.bob);
		awaitReconnected(b);

		assertThat(server.socketHandshakeCount()).isEqualTo(handshakes + 1);
		assertThat(b.events().errors()).filteredOn((e) -> e.getMessage().contains("503")).hasSize(5);
		assertThat(b.events().errors()).allSatisfy((e) -> assertThat(e.getMessage()).doesNotContain("token="));
		server.sendAs(this.alice, this.dm, "still here");
		assertThat(b.events().nextMessage().text()).isEqualTo("still here");
	}

	@Test
	void aFailedFirstConnectIsRetriedWhenAskedAndReportsWhyAndWhen() {
		LightSocket socket = this.support.socket(this.bob,
				SocketTestSupport.fastOptions().reconnectBackoff(Duration.ofMillis(300), Duration.ofMillis(300), 1.0)
					.build());
		server.refuseNextHandshakes(1);

		CompletableFuture<Void> connect = socket.connect(ConnectOptions.defaults().withRetryFirstConnect(true));

		assertThatThrownBy(connect::join).cause().isInstanceOf(MezonSocketException.class);
		assertThat(socket.getState()).isIn(ConnectionState.RECONNECTING, ConnectionState.CONNECTED);
		assertThat(socket.getLastConnectionError()).isNotNull();
		assertThat(socket.getLastConnectionError().getMessage()).contains("503").doesNotContain("token=");
		await("bob connects on a later attempt", socket::isConnected);
		assertThat(socket.getNextReconnectTime()).isNull();
	}

	@Test
	void aFailedFirstConnectIsNotRetriedByDefault() {
		LightSocket socket = this.support.socket(this.bob, SocketTestSupport.fastOptions().build());
		server.refuseNextHandshakes(1);

		assertThatThrownBy(() -> socket.connect().join()).cause().isInstanceOf(MezonSocketException.class);

		assertThat(socket.getState()).isEqualTo(ConnectionState.DISCONNECTED);
		assertThat(socket.getNextReconnectTime()).isNull();
	}

	@Test
	void nextReconnectTimeIsKnownWhileReconnecting() {
		Connected b = this.support.connect(this.bob,
				SocketTestSupport.fastOptions().reconnectBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5), 1.0)
					.build());
		server.refuseNextHandshakes(1_000);

		server.dropConnections(this.bob);
		await("bob schedules a reconnect", () -> b.socket().getNextReconnectTime() != null);

		assertThat(b.socket().getState()).isEqualTo(ConnectionState.RECONNECTING);
		assertThat(b.socket().getNextReconnectTime()).isAfter(java.time.Instant.now().minusSeconds(1));
		assertThat(b.socket().getLastConnectionError()).hasMessageContaining("lost");
	}

	@Test
	void detectsStalledPongsAndReconnects() {
		Connected b = this.support.connect(this.bob,
				SocketTestSupport.fastOptions().heartbeatInterval(Duration.ofMillis(200)).build());
		b.socket().joinDMChannel(this.dm.idString()).join();
		server.stopAnsweringPings(Duration.ofMillis(600));

		await("the dead link is detected", () -> b.events().states().contains(ConnectionState.RECONNECTING));
		awaitReconnected(b);

		assertThat(b.events().errors()).anySatisfy((e) -> assertThat(e).hasMessageContaining("No pong"));
		server.sendAs(this.alice, this.dm, "pongs are back");
		assertThat(b.events().nextMessage().text()).isEqualTo("pongs are back");
	}

	@Test
	void survivesAGarbageFrame() {
		Connected b = this.support.connect(this.bob);
		b.socket().joinDMChannel(this.dm.idString()).join();

		server.pushGarbage(this.bob);
		await("the garbage is counted", () -> b.socket().getMetrics().malformedFrames() == 1);

		server.sendAs(this.alice, this.dm, "after garbage");
		assertThat(b.events().nextMessage().text()).isEqualTo("after garbage");
		assertThat(b.socket().isConnected()).isTrue();
		assertThat(b.socket().getMetrics().reconnects()).isZero();
		await("the garbage is reported", () -> !b.events().errors().isEmpty());
		assertThat(b.events().errors().get(0)).isInstanceOf(MezonSocketException.class)
			.hasMessageContaining("malformed");
	}

	@Test
	void everyPendingRequestCompletesOnDisconnect() {
		Connected a = this.support.connect(this.alice);
		a.socket().joinDMChannel(this.dm.idString()).join();
		server.delayAcks(Duration.ofSeconds(30));
		List<CompletableFuture<MessageAck>> sends = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			sends.add(a.socket().sendDM(this.dm.idString(), "pending " + i));
		}
		await("the server got every send", () -> server.messages(this.dm).size() == 10);

		a.socket().disconnect();

		CompletableFuture<Void> all = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
		assertThatThrownBy(() -> all.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MezonSocketException.class);
		assertThat(sends).allSatisfy((send) -> assertThat(send).isCompletedExceptionally());
		assertThat(a.socket().getState()).isEqualTo(ConnectionState.DISCONNECTED);
		assertThatThrownBy(() -> a.socket().sendDM(this.dm.idString(), "too late").join())
			.cause()
			.isInstanceOf(MezonSocketException.class)
			.hasMessageContaining("not connected");
	}

	@Test
	void everyRequestHasATimeout() {
		Connected a = this.support.connect(this.alice,
				SocketTestSupport.fastOptions().requestTimeout(Duration.ofMillis(300)).build());
		a.socket().joinDMChannel(this.dm.idString()).join();
		server.delayAcks(Duration.ofSeconds(5));

		assertThatThrownBy(() -> a.socket().sendDM(this.dm.idString(), "slow ack").join())
			.cause()
			.isInstanceOf(MezonTimeoutException.class);
		assertThat(a.socket().isConnected()).isTrue();
	}

	@Test
	void connectingTwiceIsAnError() {
		Connected a = this.support.connect(this.alice);
		assertThatThrownBy(() -> a.socket().connect().join()).cause()
			.isInstanceOf(MezonSocketException.class)
			.hasMessageContaining("already connected");
		assertThat(a.socket().isConnected()).isTrue();
	}

	/**
	 * Needs the REST refresh call (issue #2): the socket refreshes the expired token through
	 * {@code LightClient.refreshSession()} before reconnecting. Runs on its own server because it
	 * moves the server's clock.
	 */
	@Test
	void refreshesAnExpiredTokenBeforeReconnecting() {
		try (MezonTestServer own = MezonTestServer.builder().build().start();
				SocketTestSupport ownSupport = new SocketTestSupport(own)) {
			TestUser carol = own.createUser("carol");
			TestUser dave = own.createUser("dave");
			TestChannel channel = own.createDm(carol, dave);
			LightClient client = ownSupport.client(dave);
			Connected d = ownSupport.connect(client, SocketTestSupport.fastOptions().build());
			d.socket().joinDMChannel(channel.idString()).join();
			String oldToken = client.getToken();

			// Client and server share the server's clock: the token is now expired for both.
			own.advanceClock(Duration.ofHours(2));
			own.dropConnections(dave);
			await("reconnected, or the refresh failed", () -> isReconnected(d) || !d.events().errors().isEmpty());

			assertThat(d.events().errors()).as("errors while reconnecting (the refresh needs the REST layer)")
				.isEmpty();
			await("reconnected", () -> isReconnected(d));
			assertThat(client.getToken()).isNotEqualTo(oldToken);
			assertThat(client.isSessionExpired()).isFalse();
			own.sendAs(carol, channel, "fresh token");
			assertThat(d.events().nextMessage().text()).isEqualTo("fresh token");
		}
	}

	private static boolean isReconnected(Connected connected) {
		List<ConnectionState> states = connected.events().states();
		int lost = states.lastIndexOf(ConnectionState.RECONNECTING);
		return lost >= 0 && states.lastIndexOf(ConnectionState.CONNECTED) > lost;
	}

	private static void awaitReconnected(Connected connected) {
		await("reconnected", () -> isReconnected(connected));
	}

}
