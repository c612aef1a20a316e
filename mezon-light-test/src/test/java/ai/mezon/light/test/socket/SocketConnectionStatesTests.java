package ai.mezon.light.test.socket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import ai.mezon.light.ClientInitConfig;
import ai.mezon.light.ConnectOptions;
import ai.mezon.light.ConnectionState;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;
import ai.mezon.light.LightSocket;
import ai.mezon.light.MezonException;
import ai.mezon.light.MezonInvalidUrlException;
import ai.mezon.light.MezonSocketException;
import ai.mezon.light.MezonTimeoutException;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.socket.SocketTestSupport.Connected;

import static ai.mezon.light.test.socket.SocketTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every way a connect or a reconnect can fail, and the state each one leaves: never half-entered
 * (a socket stuck in CONNECTING, a second connect() told "already connected", sends that only
 * time out).
 */
class SocketConnectionStatesTests extends SocketTestBase {

	@Test
	void aSessionWithAnUnusableSocketUrlIsRefusedWithATypedErrorNamingIt() {
		for (String url : new String[] { "javascript:alert(1)", "ws://127.0.0.1:99999" }) {
			assertThatThrownBy(() -> socket(sessionWithWsUrl(url), SocketTestSupport.fastOptions().build()))
				.isInstanceOf(MezonInvalidUrlException.class)
				.hasMessageContaining(url);
		}
	}

	@Test
	void aSocketUrlRefusedAtConnectFailsTheConnectFutureAndLeavesTheSocketDisconnected() {
		// Valid, but clear text to a host that is not this machine: refused when the socket URL is made.
		Throwable error = assertConnectFailsCleanly(sessionWithWsUrl("ws://mezon.example.invalid:8080"),
				MezonException.class);
		assertThat(error).hasMessageContaining("clear text");
	}

	@Test
	void aHostThatCannotBeResolvedFailsTheConnectFutureAndLeavesTheSocketDisconnected() {
		LightSocket socket = socket(sessionWithWsUrl("ws://mezon.example.invalid:8080"), SocketTestSupport.fastOptions().build(),
				true);
		assertThatThrownBy(() -> socket.connect().join()).cause().isInstanceOf(MezonSocketException.class)
			.hasMessageContaining("ws://mezon.example.invalid:8080/ws");
		assertThat(socket.getState()).isEqualTo(ConnectionState.DISCONNECTED);
		assertThatThrownBy(() -> socket.connect().join()).cause().isInstanceOf(MezonSocketException.class)
			.hasMessageNotContaining("already connected");
	}

	@Test
	void aRefusedConnectionFailsTheConnectFutureNamingTheUrlWithoutTheToken() throws IOException {
		int closedPort;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = probe.getLocalPort();
		}
		SessionData session = sessionWithWsUrl("ws://127.0.0.1:" + closedPort);
		Throwable error = assertConnectFailsCleanly(session, MezonSocketException.class);
		assertThat(error).hasMessageContaining("ws://127.0.0.1:" + closedPort + "/ws")
			.hasMessageNotContaining("token=")
			.hasMessageNotContaining(session.token());
	}

	@Test
	void aHandshakeThatNeverEndsTimesOutAndLeavesTheSocketDisconnected() throws IOException {
		try (SilentServer silent = new SilentServer()) {
			LightSocket socket = socket(sessionWithWsUrl("ws://127.0.0.1:" + silent.port()),
					SocketTestSupport.fastOptions().connectTimeout(Duration.ofMillis(300)).build());

			assertThatThrownBy(() -> socket.connect().join()).isInstanceOf(CompletionException.class)
				.cause()
				.isInstanceOf(MezonTimeoutException.class);
			assertThat(socket.getState()).isEqualTo(ConnectionState.DISCONNECTED);
			assertThat(socket.getNextReconnectTime()).isNull();
		}
	}

	@Test
	void disconnectWhileConnectingFailsTheConnectFutureAndLeavesTheSocketDisconnected() throws IOException {
		try (SilentServer silent = new SilentServer()) {
			LightSocket socket = socket(sessionWithWsUrl("ws://127.0.0.1:" + silent.port()),
					SocketTestSupport.fastOptions().build());
			CompletableFuture<Void> connect = socket.connect();
			assertThat(socket.getState()).isEqualTo(ConnectionState.CONNECTING);

			socket.disconnect();

			assertThatThrownBy(connect::join).cause()
				.isInstanceOf(MezonSocketException.class)
				.hasMessageContaining("disconnect()");
			assertThat(socket.getState()).isEqualTo(ConnectionState.DISCONNECTED);
			assertThat(socket.getNextReconnectTime()).isNull();
		}
	}

	@Test
	void aSecondConnectWhileConnectedFailsAndTheSocketStaysConnected() {
		Connected b = this.support.connect(server.createUser("bob"));

		assertThatThrownBy(() -> b.socket().connect().join()).cause()
			.isInstanceOf(MezonSocketException.class)
			.hasMessageContaining("already connected");
		assertThat(b.socket().getState()).isEqualTo(ConnectionState.CONNECTED);
	}

	@Test
	void aHandshakeAnswered401IsRetriedAfterARefreshWhenTheFirstConnectMayBeRetried() {
		TestUser bob = server.createUser("bob");
		// The client's clock says the token is fine; the server's says it expired: a 401 at the handshake.
		LightClient client = LightClient.initClient(ClientInitConfig.from(server.issueSession(bob)),
				LightClientOptions.builder().build());
		// The server's clock moves on for the rest of this class; clients made later follow it.
		server.advanceClock(Duration.ofHours(2));
		int refreshes = server.refreshCount();
		LightSocket socket = client.createSocket(SocketTestSupport.fastOptions().build());
		this.support.track(socket);

		CompletableFuture<Void> connect = socket.connect(ConnectOptions.defaults().withRetryFirstConnect(true));

		assertThatThrownBy(connect::join).cause()
			.isInstanceOf(MezonSocketException.class)
			.hasMessageContaining("HTTP 401");
		await("bob connects after refreshing", socket::isConnected);
		assertThat(server.refreshCount()).isGreaterThan(refreshes);
	}

	@Test
	void aCloseThatRefusesTheTokenRenewsTheSessionBeforeReconnectingAndIsReported() {
		TestUser alice = server.createUser("alice");
		TestUser bob = server.createUser("bob");
		TestChannel dm = server.createDm(alice, bob);
		Connected b = this.support.connect(bob);
		b.socket().joinDMChannel(dm.idString()).join();
		int refreshes = server.refreshCount();

		server.closeConnections(bob, 4401, "token revoked");

		await("bob renews his session and reconnects",
				() -> b.events().states().contains(ConnectionState.RECONNECTING) && b.socket().isConnected()
						&& server.refreshCount() > refreshes);
		assertThat(b.socket().getLastConnectionError()).hasMessageContaining("4401 token revoked");
		server.sendAs(alice, dm, "after the renewal");
		assertThat(b.events().nextMessage().text()).isEqualTo("after the renewal");
	}

	@Test
	void aServerThatAcceptsAndClosesAtOnceIsNotRetriedInATightLoop() {
		TestUser bob = server.createUser("bob");
		// Three attempts at most: were the attempt count reset whenever a link opened, a server that
		// closes every connection at once would be retried for ever.
		Connected b = this.support.connect(bob, SocketTestSupport.fastOptions().reconnectMaxAttempts(3).build());
		int handshakes = server.socketHandshakeCount();
		server.closeNextConnections(100, 1011, "overloaded");
		try {
			server.dropConnections(bob);

			await("bob gives up", () -> b.socket().getState() == ConnectionState.DISCONNECTED);
			assertThat(b.socket().getLastConnectionError())
				.hasMessageContaining("Gave up reconnecting after 3 attempt(s)");
			assertThat(server.socketHandshakeCount() - handshakes).isLessThanOrEqualTo(3);
		}
		finally {
			server.closeNextConnections(0, 1000, "");
		}
	}

	private Throwable assertConnectFailsCleanly(SessionData session, Class<? extends Throwable> type) {
		LightSocket socket = socket(session, SocketTestSupport.fastOptions().build());
		List<Throwable> errors = new ArrayList<>();
		for (int attempt = 0; attempt < 2; attempt++) {
			CompletableFuture<Void> connect = socket.connect();
			assertThatThrownBy(connect::join).isInstanceOf(CompletionException.class).cause().isInstanceOf(type);
			errors.add(connect.handle((ok, ex) -> ex).join());
			// Never half-entered: the second connect() fails the same way, not with "already connected".
			assertThat(socket.getState()).isEqualTo(ConnectionState.DISCONNECTED);
			assertThat(socket.getNextReconnectTime()).isNull();
		}
		assertThatThrownBy(() -> socket.sendDM("1", "hello").join()).cause()
			.isInstanceOf(MezonSocketException.class)
			.hasMessageContaining("not connected");
		assertThat(errors.get(1)).hasMessage(errors.get(0).getMessage());
		return errors.get(0);
	}

	private SessionData sessionWithWsUrl(String wsUrl) {
		SessionData issued = server.issueSession(server.createUser("user" + System.nanoTime()));
		return new SessionData(issued.token(), issued.refreshToken(), issued.apiUrl(), wsUrl, issued.userId());
	}

	private LightSocket socket(SessionData session, ai.mezon.light.SocketOptions options) {
		return socket(session, options, false);
	}

	private LightSocket socket(SessionData session, ai.mezon.light.SocketOptions options, boolean allowInsecure) {
		LightClient client = LightClient.initClient(ClientInitConfig.from(session),
				LightClientOptions.builder().clock(server.clock()).allowInsecureTransport(allowInsecure).build());
		LightSocket socket = client.createSocket(options);
		this.support.track(socket);
		return socket;
	}

	/** Accepts TCP connections and never answers: a handshake that never ends. */
	private static final class SilentServer implements AutoCloseable {

		private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

		private final List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();

		private final Thread acceptor = new Thread(() -> {
			while (!this.socket.isClosed()) {
				try {
					this.accepted.add(this.socket.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "silent-server");

		SilentServer() throws IOException {
			this.acceptor.setDaemon(true);
			this.acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
			for (Socket s : this.accepted) {
				s.close();
			}
		}

	}

}
