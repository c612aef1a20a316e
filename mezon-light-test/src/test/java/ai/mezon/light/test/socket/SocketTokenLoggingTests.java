package ai.mezon.light.test.socket;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import ai.mezon.light.ConnectOptions;
import ai.mezon.light.ConnectionState;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.MezonTestServerExtension;
import ai.mezon.light.test.RecordingSocketListener;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The socket URL carries the access token: with every relevant logger at TRACE, through a
 * connect, a refused handshake, a reconnect and a disconnect, the token appears in no log line
 * and no reported error.
 */
class SocketTokenLoggingTests {

	/** A server of this test's own, closed after it. */
	@RegisterExtension
	final MezonTestServerExtension mezon = new MezonTestServerExtension();

	private static final List<String> LOGGERS = List.of("ai.mezon.light");

	@Test
	void tokenNeverReachesALogOrAnError() {
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(appender);
		LOGGERS.forEach((name) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.TRACE));
		MezonTestServer server = this.mezon.get();
		try (SocketTestSupport support = new SocketTestSupport(server)) {
			TestUser alice = server.createUser("alice");
			TestUser bob = server.createUser("bob");
			TestChannel dm = server.createDm(alice, bob);
			LightClient client = support.client(bob);
			LightSocket socket = client.createSocket(SocketTestSupport.fastOptions().build());
			RecordingSocketListener events = new RecordingSocketListener();
			socket.addListener(events);
			socket.connect(ConnectOptions.defaults().withVerbose(true)).join();
			socket.joinDMChannel(dm.idString()).join();
			server.refuseNextHandshakes(2);
			server.dropConnections(bob);
			SocketTestSupport.await("reconnected", () -> events.states().lastIndexOf(ConnectionState.CONNECTED) > 0
					&& events.states().contains(ConnectionState.RECONNECTING) && socket.isConnected());
			server.sendAs(alice, dm, "hi");
			events.nextMessage();
			socket.disconnect();

			String token = client.getToken();
			String encoded = URLEncoder.encode(token, StandardCharsets.UTF_8);
			// Not vacuous: the socket URL is logged, without its query (which holds the token).
			assertThat(appender.list).anySatisfy((event) -> assertThat(event.getFormattedMessage())
				.contains("ws://127.0.0.1:" + server.port() + "/ws").doesNotContain("token="));
			for (ILoggingEvent event : appender.list) {
				String text = event.getFormattedMessage() + throwableText(event.getThrowableProxy());
				assertThat(text).doesNotContain(token).doesNotContain(encoded);
			}
			assertThat(events.errors()).isNotEmpty().allSatisfy((error) -> {
				for (Throwable t = error; t != null; t = t.getCause()) {
					assertThat(String.valueOf(t.getMessage())).doesNotContain(token).doesNotContain(encoded);
				}
			});
			assertThat(socket.toString()).doesNotContain(token);
		}
		finally {
			root.detachAppender(appender);
			LOGGERS.forEach((name) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(null));
		}
	}

	private static String throwableText(IThrowableProxy proxy) {
		StringBuilder text = new StringBuilder();
		for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
			text.append(' ').append(p.getClassName()).append(": ").append(p.getMessage());
		}
		return text.toString();
	}

}
