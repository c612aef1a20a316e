package ai.mezon.light.test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MezonTestServer.Builder#permessageDeflate(boolean)}: a handshake offering
 * {@code permessage-deflate}, as Node's and browsers' WebSocket send it, gets the extension only
 * when the server is told to negotiate it. The handshake is written by hand so the offer is
 * exactly what such a client sends.
 */
class PermessageDeflateNegotiationTests {

	@Test
	void offeredDeflateIsRefusedByDefault() throws Exception {
		try (MezonTestServer server = MezonTestServer.builder().build().start()) {
			String response = handshake(server);
			assertThat(response).startsWith("HTTP/1.1 101");
			assertThat(response.toLowerCase(Locale.ROOT)).doesNotContain("sec-websocket-extensions");
		}
	}

	@Test
	void offeredDeflateIsRefusedWhenOff() throws Exception {
		try (MezonTestServer server = MezonTestServer.builder().permessageDeflate(false).build().start()) {
			String response = handshake(server);
			assertThat(response).startsWith("HTTP/1.1 101");
			assertThat(response.toLowerCase(Locale.ROOT)).doesNotContain("permessage-deflate");
		}
	}

	@Test
	void offeredDeflateIsAcceptedWhenOn() throws Exception {
		try (MezonTestServer server = MezonTestServer.builder().permessageDeflate(true).build().start()) {
			String response = handshake(server);
			assertThat(response).startsWith("HTTP/1.1 101");
			assertThat(response.toLowerCase(Locale.ROOT)).containsPattern("sec-websocket-extensions: *permessage-deflate");
		}
	}

	/** @return the status line and headers of the server's answer to a handshake offering deflate */
	private static String handshake(MezonTestServer server) throws Exception {
		String token = server.issueSession(server.createUser("deflate")).token();
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /ws?lang=en&status=true&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
					+ "&format=protobuf&platform=0 HTTP/1.1\r\n" + "Host: 127.0.0.1:" + server.port() + "\r\n"
					+ "Upgrade: websocket\r\n" + "Connection: Upgrade\r\n" + "Sec-WebSocket-Key: "
					+ Base64.getEncoder().encodeToString(new byte[16]) + "\r\n" + "Sec-WebSocket-Version: 13\r\n"
					+ "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
				int b = in.read();
				if (b < 0) {
					break;
				}
				head.write(b);
			}
			return head.toString(StandardCharsets.US_ASCII);
		}
	}

}
