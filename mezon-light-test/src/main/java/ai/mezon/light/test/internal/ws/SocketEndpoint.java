package ai.mezon.light.test.internal.ws;

import java.nio.ByteBuffer;
import java.util.List;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.mezon.light.test.internal.TokenService;
import ai.mezon.light.test.internal.TokenService.VerifiedToken;

/**
 * The Jakarta WebSocket endpoint at {@code /ws}: one instance per connection. The handshake
 * filter already checked the token; it is read again here to learn who connected.
 */
final class SocketEndpoint extends Endpoint {

	private static final Logger logger = LoggerFactory.getLogger(SocketEndpoint.class);

	/** Larger than any frame a test sends; the container default (8 KiB) is too small. */
	private static final int MAX_FRAME = 8 * 1024 * 1024;

	private final SocketHub hub;

	private final TokenService tokens;

	private volatile @Nullable ClientConnection connection;

	SocketEndpoint(SocketHub hub, TokenService tokens) {
		this.hub = hub;
		this.tokens = tokens;
	}

	@Override
	public void onOpen(Session session, EndpointConfig config) {
		List<String> token = session.getRequestParameterMap().get("token");
		VerifiedToken verified;
		try {
			verified = this.tokens.verifyAccess((token != null && !token.isEmpty()) ? token.get(0) : "");
		}
		catch (TokenService.InvalidTokenException ex) {
			close(session, ex.getMessage());
			return;
		}
		session.setMaxBinaryMessageBufferSize(MAX_FRAME);
		session.setMaxIdleTimeout(0);
		ClientConnection opened = this.hub.open(session, verified.userId(), verified.username());
		this.connection = opened;
		if (this.hub.faults().takeCloseAtOnce()) {
			opened.close(this.hub.faults().closeCode(), this.hub.faults().closeReason());
			return;
		}
		session.addMessageHandler(ByteBuffer.class, new MessageHandler.Whole<ByteBuffer>() {

			@Override
			public void onMessage(ByteBuffer message) {
				byte[] bytes = new byte[message.remaining()];
				message.get(bytes);
				SocketEndpoint.this.hub.onFrame(opened, bytes);
			}

		});
		session.addMessageHandler(String.class, new MessageHandler.Whole<String>() {

			@Override
			public void onMessage(String message) {
				SocketEndpoint.this.hub.onTextFrame(opened);
			}

		});
	}

	@Override
	public void onClose(Session session, CloseReason closeReason) {
		ClientConnection closed = this.connection;
		if (closed != null) {
			this.hub.closed(closed);
		}
	}

	@Override
	public void onError(Session session, Throwable error) {
		logger.debug("Socket error on {}: {}", this.connection, error.toString());
	}

	private static void close(Session session, String reason) {
		try {
			session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
		}
		catch (Exception ex) {
			logger.debug("Closing a refused socket failed: {}", ex.toString());
		}
	}

}
