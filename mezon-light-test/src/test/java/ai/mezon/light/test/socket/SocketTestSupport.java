package ai.mezon.light.test.socket;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;

import ai.mezon.light.ClientInitConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;
import ai.mezon.light.LightSocket;
import ai.mezon.light.SocketOptions;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.RecordingSocketListener;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Clients and sockets against one {@link MezonTestServer}, closed after each test. Waits are
 * Awaitility polls, never sleeps asserted on; events are recorded by a
 * {@link RecordingSocketListener} per socket.
 */
final class SocketTestSupport implements AutoCloseable {

	/** Upper bound of any wait in these tests; reached only when something is broken. */
	static final Duration WAIT = Duration.ofSeconds(10);

	final MezonTestServer server;

	private final List<LightSocket> sockets = new CopyOnWriteArrayList<>();

	SocketTestSupport(MezonTestServer server) {
		this.server = server;
	}

	/** Options with short timers so failures surface fast. */
	static SocketOptions.Builder fastOptions() {
		return SocketOptions.builder()
			.heartbeatInterval(Duration.ofSeconds(2))
			.requestTimeout(Duration.ofSeconds(5))
			.joinWait(Duration.ofSeconds(2))
			.connectTimeout(Duration.ofSeconds(5))
			.reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200), 2.0);
	}

	LightClient client(TestUser user) {
		LightClientOptions options = LightClientOptions.builder().clock(this.server.clock()).build();
		return LightClient.initClient(ClientInitConfig.from(this.server.issueSession(user)), options);
	}

	Connected connect(TestUser user) {
		return connect(user, fastOptions().build());
	}

	Connected connect(TestUser user, SocketOptions options) {
		int before = this.server.socketConnectionCount(user);
		Connected connected = connect(client(user), options);
		// The client sees the handshake complete before the server has registered the session:
		// a fault injected right away (e.g. dropConnections) could otherwise miss it.
		await(user.username() + "'s connection registered by the server",
				() -> this.server.socketConnectionCount(user) > before);
		return connected;
	}

	/** Closes this socket with the others after the test. */
	LightSocket track(LightSocket socket) {
		this.sockets.add(socket);
		return socket;
	}

	Connected connect(LightClient client, SocketOptions options) {
		LightSocket socket = client.createSocket(options);
		this.sockets.add(socket);
		RecordingSocketListener recorder = new RecordingSocketListener(WAIT);
		socket.addListener(recorder);
		socket.connect().orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
		return new Connected(socket, recorder);
	}

	/** A socket closed after the test, not connected yet. */
	LightSocket socket(TestUser user, SocketOptions options) {
		LightSocket socket = client(user).createSocket(options);
		this.sockets.add(socket);
		return socket;
	}

	/** Waits until the condition holds, polling every 10 ms for at most {@link #WAIT}. */
	static void await(String what, BooleanSupplier condition) {
		Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(condition::getAsBoolean);
	}

	@Override
	public void close() {
		this.sockets.forEach(LightSocket::disconnect);
	}

	record Connected(LightSocket socket, RecordingSocketListener events) {
	}

}
