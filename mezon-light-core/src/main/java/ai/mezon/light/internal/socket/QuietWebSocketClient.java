package ai.mezon.light.internal.socket;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.websocket.WebSocketContainer;

import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * Spring's {@link StandardWebSocketClient}, entered below {@code execute(...)}: that method logs
 * the full URI at DEBUG, and the Mezon socket URI carries the access token in its query.
 */
final class QuietWebSocketClient extends StandardWebSocketClient {

	QuietWebSocketClient(WebSocketContainer container) {
		super(container);
	}

	CompletableFuture<WebSocketSession> connect(WebSocketHandler handler, URI uri) {
		return executeInternal(handler, new HttpHeaders(), uri, List.of(), List.of(), Map.of());
	}

}
