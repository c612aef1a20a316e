package ai.mezon.light.internal.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.mezon.light.LightClientOptions;
import ai.mezon.light.MezonApiException;
import ai.mezon.light.MezonResponseTooLargeException;
import ai.mezon.light.proto.api.ChannelDescription;
import ai.mezon.light.proto.api.CreateChannelDescRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The transport rules of {@link HttpTransport} through {@link RestClientMezonApi}, against real
 * servers on loopback: plain HTTP/1.1 on {@code http://}, answers capped, uploads streamed.
 */
class HttpTransportTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<AutoCloseable> servers = new ArrayList<>();

	@AfterEach
	void stop() throws Exception {
		for (AutoCloseable server : this.servers) {
			server.close();
		}
		this.executor.shutdownNow();
	}

	@Test
	void clearTextCallsArePlainHttp11WithoutAnH2cUpgrade() throws IOException {
		byte[] desc = ChannelDescription.newBuilder().setChannelId(5).build().toByteArray();
		String gatewayJson = "{\"token\":\"T\",\"refresh_token\":\"R\",\"api_url\":\"a\",\"ws_url\":\"w\",\"user_id\":\"1\"}";
		RawServer server = rawServer(List.of(
				answer("application/proto", desc),
				answer("application/json", gatewayJson.getBytes(StandardCharsets.UTF_8)),
				answer("text/plain", new byte[0])));
		RestClientMezonApi api = new RestClientMezonApi(LightClientOptions.builder().requestTimeout(TIMEOUT).build());

		api.createChannelDesc(server.base(), "t", CreateChannelDescRequest.getDefaultInstance());
		api.authenticate(server.base(), "key", "id-token", "1", "u");
		api.putObject(server.base().resolve("/uploads/a.bin?X-Amz-Signature=x"), new byte[] { 1 }, "image/png");

		assertThat(server.requests).hasSize(3).allSatisfy((headers) -> {
			assertThat(headers.get(0)).endsWith(" HTTP/1.1");
			assertThat(headers).noneMatch((line) -> line.toLowerCase().startsWith("upgrade:"))
				.noneMatch((line) -> line.toLowerCase().startsWith("http2-settings:"))
				.noneMatch((line) -> line.toLowerCase().startsWith("connection:")
						&& line.toLowerCase().contains("upgrade"));
		});
		assertThat(server.requests.get(0).get(0)).isEqualTo("POST /mezon.api.Mezon/CreateChannelDesc HTTP/1.1");
		assertThat(server.requests.get(2).get(0)).startsWith("PUT /uploads/a.bin?");
	}

	@Test
	void http2StaysOnForTls() {
		HttpTransport transport = new HttpTransport(TIMEOUT, 1024);
		assertThat(transport.client(URI.create("https://api.example/")).version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(transport.client(URI.create("http://127.0.0.1:1/")).version())
			.isEqualTo(HttpClient.Version.HTTP_1_1);
		// One client per kind, built once.
		assertThat(transport.client(URI.create("HTTPS://other.example/")))
			.isSameAs(transport.client(URI.create("https://api.example/")));
	}

	@Test
	void aTwoHundredMegabyteGatewayAnswerFailsWithTheCapNotOutOfMemory() throws IOException {
		AtomicLong written = new AtomicLong();
		URI base = streamingServer(200L * 1024 * 1024, false, written);
		RestClientMezonApi api = new RestClientMezonApi(LightClientOptions.builder().requestTimeout(TIMEOUT).build());

		assertThatExceptionOfType(MezonResponseTooLargeException.class)
			.isThrownBy(() -> api.authenticate(base, "key", "id-token", "1", "u"))
			.withMessageContaining("authenticate answered more than the 16777216-byte limit")
			.satisfies((ex) -> {
				assertThat(ex.getLimit()).isEqualTo(LightClientOptions.DEFAULT_MAX_RESPONSE_SIZE);
				assertThat(ex.getCall()).isEqualTo("authenticate");
				assertThat(ex.getStatusCode()).isEqualTo(200);
			});
		// The client stopped reading at the cap: the server could not write much more than that
		// (what the sockets' buffers take), far from the 200 MB it meant to.
		assertThat(written.get()).isLessThan(64L * 1024 * 1024);
	}

	@Test
	void anAnswerDeclaredTooLargeFailsBeforeItsBodyIsRead() throws IOException {
		AtomicLong written = new AtomicLong();
		URI base = streamingServer(200L * 1024 * 1024, true, written);
		RestClientMezonApi api = new RestClientMezonApi(LightClientOptions.builder().requestTimeout(TIMEOUT).build());
		assertThatExceptionOfType(MezonResponseTooLargeException.class)
			.isThrownBy(() -> api.createChannelDesc(base, "t", CreateChannelDescRequest.getDefaultInstance()))
			.withMessage("CreateChannelDesc answered more than the 16777216-byte limit on REST answers "
					+ "(209715200 bytes); see mezon.max-response-size");
	}

	@Test
	void theCapIsConfigurableAndAnAnswerOfExactlyTheCapIsRead() throws IOException {
		byte[] desc = ChannelDescription.newBuilder().setChannelLabel("x".repeat(1000)).build().toByteArray();
		RawServer server = rawServer(List.of(answer("application/proto", desc), answer("application/proto", desc),
				chunked("application/proto", desc)));
		RestClientMezonApi exact = new RestClientMezonApi(
				LightClientOptions.builder().requestTimeout(TIMEOUT).maxResponseSize(desc.length).build());
		assertThat(exact.createChannelDesc(server.base(), "t", CreateChannelDescRequest.getDefaultInstance())
			.getChannelLabel()).hasSize(1000);
		RestClientMezonApi small = new RestClientMezonApi(
				LightClientOptions.builder().requestTimeout(TIMEOUT).maxResponseSize(desc.length - 1).build());
		// Declared by Content-Length, then only found out while reading (chunked).
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(MezonResponseTooLargeException.class)
				.isThrownBy(() -> small.createChannelDesc(server.base(), "t", CreateChannelDescRequest.getDefaultInstance()))
				.satisfies((ex) -> assertThat(ex.getLimit()).isEqualTo(desc.length - 1))
				.isInstanceOf(MezonApiException.class);
		}
	}

	@Test
	void theCapMustBePositiveAndSurvivesToBuilder() {
		assertThat(LightClientOptions.defaults().maxResponseSize()).isEqualTo(16L * 1024 * 1024);
		assertThat(LightClientOptions.builder().maxResponseSize(123).build().toBuilder().build().maxResponseSize())
			.isEqualTo(123);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> LightClientOptions.builder().maxResponseSize(0))
			.withMessage("maxResponseSize must be positive");
	}

	@Test
	void aFileIsPutStreamedWithItsLength(@TempDir Path dir) throws Exception {
		byte[] content = new byte[3 * 1024 * 1024 + 17];
		new Random(7).nextBytes(content);
		Path file = Files.write(dir.resolve("data.bin"), content);
		AtomicReference<String> received = new AtomicReference<>();
		AtomicReference<String> length = new AtomicReference<>();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(this.executor);
		server.createContext("/", (exchange) -> {
			length.set(exchange.getRequestHeaders().getFirst("Content-Length"));
			received.set(sha256(exchange.getRequestBody().readAllBytes()));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		this.servers.add(() -> server.stop(0));
		RestClientMezonApi api = new RestClientMezonApi(LightClientOptions.builder().requestTimeout(TIMEOUT).build());

		api.putObject(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/u/data.bin?sig=1"), file,
				"application/octet-stream");
		assertThat(length.get()).isEqualTo(String.valueOf(content.length));
		assertThat(received.get()).isEqualTo(sha256(content));
		assertThatExceptionOfType(java.io.UncheckedIOException.class)
			.isThrownBy(() -> api.putObject(URI.create("http://127.0.0.1:1/x"), dir.resolve("missing.bin"), "a/b"));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A server answering {@code size} bytes of JSON-ish filler, declaring the length or not. */
	private URI streamingServer(long size, boolean declareLength, AtomicLong written) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(this.executor);
		server.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, declareLength ? size : 0);
			byte[] chunk = new byte[64 * 1024];
			java.util.Arrays.fill(chunk, (byte) ' ');
			try (OutputStream out = exchange.getResponseBody()) {
				for (long sent = 0; sent < size; sent += chunk.length) {
					out.write(chunk);
					written.addAndGet(chunk.length);
				}
			}
			catch (IOException ex) {
				// The client hung up at its cap: expected.
			}
			finally {
				exchange.close();
			}
		});
		server.start();
		this.servers.add(() -> server.stop(0));
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	private static byte[] answer(String contentType, byte[] body) {
		byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
				+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		return concat(head, body);
	}

	private static byte[] chunked(String contentType, byte[] body) {
		byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: " + contentType
				+ "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + Integer.toHexString(body.length)
				+ "\r\n").getBytes(StandardCharsets.US_ASCII);
		return concat(concat(head, body), "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	/**
	 * A bare socket server: records each request's header lines as sent, reads the body by its
	 * Content-Length, writes the next canned answer and closes the connection.
	 */
	private RawServer rawServer(List<byte[]> answers) throws IOException {
		ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		RawServer server = new RawServer(socket, new CopyOnWriteArrayList<>());
		this.servers.add(socket);
		this.executor.execute(() -> {
			for (byte[] answer : answers) {
				try (Socket connection = socket.accept()) {
					BufferedReader reader = new BufferedReader(
							new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
					List<String> headers = new ArrayList<>();
					long length = 0;
					for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
						headers.add(line);
						if (line.toLowerCase().startsWith("content-length:")) {
							length = Long.parseLong(line.substring(15).trim());
						}
					}
					reader.skip(length);
					server.requests.add(headers);
					connection.getOutputStream().write(answer);
					connection.getOutputStream().flush();
				}
				catch (IOException ex) {
					return;
				}
			}
		});
		return server;
	}

	private record RawServer(ServerSocket socket, List<List<String>> requests) {

		URI base() {
			return URI.create("http://127.0.0.1:" + this.socket.getLocalPort());
		}

	}

}
