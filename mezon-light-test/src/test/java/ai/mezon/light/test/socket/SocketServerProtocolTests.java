package ai.mezon.light.test.socket;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.mezon.light.codec.EnvelopeFrames;
import ai.mezon.light.proto.realtime.ChannelPresenceEvent;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.proto.realtime.Ping;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.MezonTestServerExtension;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The test server's socket at the wire level, with a raw Jakarta client: handshake checks, error
 * codes, and answers in the cid encoding each request used.
 */
class SocketServerProtocolTests {

	private static MezonTestServer server;

	private final WebSocketContainer container = ContainerProvider.getWebSocketContainer();

	/** Starts the server before the class's tests and closes it after them. */
	@RegisterExtension
	static final MezonTestServerExtension mezon = new MezonTestServerExtension();

	@BeforeAll
	static void server() {
		server = mezon.get();
	}

	@Test
	void refusesAMissingOrBadTokenBeforeTheUpgrade() {
		assertThatExceptionOfType(DeploymentException.class).isThrownBy(() -> open("not-a-jwt"))
			.withMessageContaining("401");
		TestUser user = server.createUser("expired");
		String token = server.issueSession(user).token();
		server.expireAllTokens();
		assertThatExceptionOfType(DeploymentException.class).isThrownBy(() -> open(token))
			.withMessageContaining("401");
	}

	@Test
	void answersEachRequestInItsOwnCidEncoding() throws Exception {
		Raw raw = open(server.issueSession(server.createUser("raw")).token());
		Envelope ping = Envelope.newBuilder().setPing(Ping.getDefaultInstance()).build();
		raw.send(EnvelopeFrames.encode(ping, "5", true));
		EnvelopeFrames.Frame legacy = raw.next();
		assertThat(legacy.legacyCid()).isTrue();
		assertThat(legacy.cid()).isEqualTo("5");
		assertThat(legacy.envelope().hasPong()).isTrue();
		raw.send(EnvelopeFrames.encode(ping, 6, false));
		EnvelopeFrames.Frame current = raw.next();
		assertThat(current.legacyCid()).isFalse();
		assertThat(current.cid()).isEqualTo("6");
		raw.close();
	}

	@Test
	void unhandledKindsAndMalformedFramesGetErrorsAndKeepTheConnection() throws Exception {
		Raw raw = open(server.issueSession(server.createUser("errors")).token());
		raw.send(EnvelopeFrames.encode(
				Envelope.newBuilder().setChannelPresenceEvent(ChannelPresenceEvent.newBuilder().setChannelId(1)).build(),
				1, false));
		EnvelopeFrames.Frame unhandled = raw.next();
		assertThat(unhandled.cid()).isEqualTo("1");
		assertThat(unhandled.envelope().getError().getCode()).isEqualTo(1);

		raw.send(new byte[] { (byte) 0xFF, (byte) 0xFF, 0x01 });
		EnvelopeFrames.Frame malformed = raw.next();
		assertThat(malformed.hasCid()).isFalse();
		assertThat(malformed.envelope().getError().getCode()).isEqualTo(3);

		raw.send(EnvelopeFrames.encode(Envelope.newBuilder().setPing(Ping.getDefaultInstance()).build(), 2, false));
		assertThat(raw.next().envelope().hasPong()).isTrue();
		raw.close();
	}

	private Raw open(String token) throws Exception {
		URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/ws?lang=en&status=true&token="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8) + "&format=protobuf&platform=0");
		Raw raw = new Raw();
		raw.session = this.container.connectToServer(raw, ClientEndpointConfig.Builder.create().build(), uri);
		return raw;
	}

	private static final class Raw extends Endpoint {

		private final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();

		private Session session;

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			session.addMessageHandler(ByteBuffer.class, new MessageHandler.Whole<ByteBuffer>() {

				@Override
				public void onMessage(ByteBuffer message) {
					byte[] bytes = new byte[message.remaining()];
					message.get(bytes);
					Raw.this.frames.add(bytes);
				}

			});
		}

		void send(byte[] frame) throws Exception {
			this.session.getBasicRemote().sendBinary(ByteBuffer.wrap(frame));
		}

		EnvelopeFrames.Frame next() throws Exception {
			byte[] frame = this.frames.poll(10, TimeUnit.SECONDS);
			assertThat(frame).as("a frame from the server").isNotNull();
			return EnvelopeFrames.decode(frame);
		}

		void close() throws Exception {
			this.session.close();
		}

	}

}
