package ai.mezon.light.internal.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import ai.mezon.light.LightClientOptions;
import ai.mezon.light.MezonApiException;
import ai.mezon.light.MezonAuthenticationException;
import ai.mezon.light.MezonTimeoutException;
import ai.mezon.light.internal.rest.MezonRestApi.GatewaySession;
import ai.mezon.light.proto.api.ChannelDescription;
import ai.mezon.light.proto.api.CreateChannelDescRequest;
import ai.mezon.light.proto.api.Session;
import ai.mezon.light.proto.api.SessionRefreshRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The REST client against a JDK {@link HttpServer} that answers whatever each test needs,
 * including what a real server should never answer.
 */
class RestClientMezonApiTests {

	private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

	/** Generous, so answers that do come are never mistaken for timeouts on a loaded machine. */
	private static final Duration NORMAL_TIMEOUT = Duration.ofSeconds(10);

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final AtomicReference<Handler> handler = new AtomicReference<>();

	private final AtomicReference<Recorded> recorded = new AtomicReference<>();

	private HttpServer server;

	private URI base;

	private RestClientMezonApi api;

	private RestClientMezonApi impatientApi;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.recorded.set(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
					exchange.getRequestHeaders().getFirst("Content-Type"),
					exchange.getRequestHeaders().getFirst("Accept"),
					exchange.getRequestHeaders().getFirst("Authorization"), body));
			try {
				this.handler.get().handle(exchange);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				exchange.close();
			}
		});
		this.server.start();
		this.base = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		this.api = new RestClientMezonApi(LightClientOptions.builder().requestTimeout(NORMAL_TIMEOUT).build());
		this.impatientApi = new RestClientMezonApi(LightClientOptions.builder().requestTimeout(SHORT_TIMEOUT).build());
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	@Test
	void postsProtobufWithBearerAndReadsProtobufAnswer() {
		answer(200, ChannelDescription.newBuilder().setChannelId(99).addUserIds(7).build().toByteArray());
		CreateChannelDescRequest request = CreateChannelDescRequest.newBuilder().setType(3).addUserIds(7).build();
		ChannelDescription desc = this.api.createChannelDesc(this.base, "the-token", request);
		assertThat(desc.getChannelId()).isEqualTo(99);
		Recorded sent = this.recorded.get();
		assertThat(sent.method()).isEqualTo("POST");
		assertThat(sent.path()).isEqualTo("/mezon.api.Mezon/CreateChannelDesc");
		assertThat(sent.contentType()).isEqualTo("application/proto");
		assertThat(sent.accept()).isEqualTo("application/proto");
		assertThat(sent.authorization()).isEqualTo("Bearer the-token");
		assertThat(sent.body()).isEqualTo(request.toByteArray());
	}

	@Test
	void buildsItsRestClientOnTheFirstCallOnly() {
		AtomicInteger builders = new AtomicInteger();
		LightClientOptions options = LightClientOptions.builder().requestTimeout(NORMAL_TIMEOUT).restClientBuilder(() -> {
			builders.incrementAndGet();
			return RestClient.builder();
		}).build();
		RestClientMezonApi lazy = new RestClientMezonApi(options);
		// A client resumed from a session makes no call while the application starts: nothing built yet.
		assertThat(builders).hasValue(0);
		answer(200, Session.newBuilder().setToken("t").build().toByteArray());
		lazy.refreshSession(this.base, "k", SessionRefreshRequest.newBuilder().setToken("r").build());
		lazy.refreshSession(this.base, "k", SessionRefreshRequest.newBuilder().setToken("r").build());
		assertThat(builders).hasValue(1);
	}

	@Test
	void concurrentFirstCallsShareOneRestClient() throws Exception {
		AtomicInteger builders = new AtomicInteger();
		LightClientOptions options = LightClientOptions.builder().requestTimeout(NORMAL_TIMEOUT).restClientBuilder(() -> {
			builders.incrementAndGet();
			return RestClient.builder();
		}).build();
		RestClientMezonApi lazy = new RestClientMezonApi(options);
		answer(200, Session.newBuilder().setToken("t").build().toByteArray());
		List<Future<Session>> calls = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			calls.add(this.executor.submit(() -> lazy.refreshSession(this.base, "k",
					SessionRefreshRequest.newBuilder().setToken("r").build())));
		}
		for (Future<Session> call : calls) {
			assertThat(call.get(30, TimeUnit.SECONDS).getToken()).isEqualTo("t");
		}
		assertThat(builders).hasValue(1);
	}

	@Test
	void refreshUsesBasicServerKey() {
		answer(200, Session.newBuilder().setToken("t").build().toByteArray());
		this.api.refreshSession(this.base, "MyKey", SessionRefreshRequest.newBuilder().setToken("r").build());
		assertThat(this.recorded.get().authorization())
			.isEqualTo("Basic " + Base64.getEncoder().encodeToString("MyKey:".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void noContentIsTheEmptyMessage() {
		answer(204, null);
		ChannelDescription desc = this.api.createChannelDesc(this.base, "t",
				CreateChannelDescRequest.getDefaultInstance());
		assertThat(desc).isEqualTo(ChannelDescription.getDefaultInstance());
	}

	@Test
	void errorStatusBecomesApiException() {
		answer(500, "{\"code\":13,\"message\":\"boom\"}".getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(MezonApiException.class)
			.isThrownBy(() -> this.api.createChannelDesc(this.base, "secret-token",
					CreateChannelDescRequest.getDefaultInstance()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(500);
				assertThat(ex.getCall()).isEqualTo("CreateChannelDesc");
				assertThat(ex).hasMessageNotContaining("secret-token");
			});
	}

	@Test
	void malformedProtobufBecomesApiException() {
		answer(200, new byte[] { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF });
		assertThatExceptionOfType(MezonApiException.class)
			.isThrownBy(() -> this.api.createChannelDesc(this.base, "t", CreateChannelDescRequest.getDefaultInstance()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(200);
				assertThat(ex).hasMessageContaining("unreadable");
			});
	}

	@Test
	void slowHeadersTimeOut() {
		this.handler.set((exchange) -> Thread.sleep(5_000));
		assertThatExceptionOfType(MezonTimeoutException.class)
			.isThrownBy(() -> this.impatientApi.createChannelDesc(this.base, "t", CreateChannelDescRequest.getDefaultInstance()))
			.satisfies((ex) -> assertThat(ex.getTimeout()).isEqualTo(SHORT_TIMEOUT));
	}

	@Test
	void stalledBodyTimesOutToo() {
		this.handler.set((exchange) -> {
			exchange.sendResponseHeaders(200, 100);
			exchange.getResponseBody().write(new byte[] { 0x08 });
			exchange.getResponseBody().flush();
			Thread.sleep(5_000);
		});
		assertThatExceptionOfType(MezonTimeoutException.class)
			.isThrownBy(() -> this.impatientApi.createChannelDesc(this.base, "t", CreateChannelDescRequest.getDefaultInstance()));
	}

	@Test
	void refusedConnectionIsApiExceptionWithoutStatus() {
		this.server.stop(0);
		assertThatExceptionOfType(MezonApiException.class)
			.isThrownBy(() -> this.api.createChannelDesc(this.base, "t", CreateChannelDescRequest.getDefaultInstance()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isZero();
				assertThat(ex).hasMessageContaining("I/O error");
			});
	}

	@Test
	void authenticatePostsJsonWithBasicAuth() {
		answer(200, gatewayJson("\"user_id\":\"42\"").getBytes(StandardCharsets.UTF_8));
		GatewaySession session = this.api.authenticate(this.base, "DefaultServerKey", "id-tok", "42", "alice");
		assertThat(session.userId()).isEqualTo("42");
		assertThat(session.token()).isEqualTo("T");
		assertThat(session.toString()).doesNotContain("\"T\"").doesNotContain("=T,");
		Recorded sent = this.recorded.get();
		assertThat(sent.path()).isEqualTo("/v2/account/authenticate/idtoken");
		assertThat(sent.authorization()).isEqualTo("Basic "
				+ Base64.getEncoder().encodeToString("DefaultServerKey:".getBytes(StandardCharsets.UTF_8)));
		assertThat(new String(sent.body(), StandardCharsets.UTF_8))
			.isEqualTo("{\"id_token\":\"id-tok\",\"user_id\":\"42\",\"username\":\"alice\"}");
	}

	@Test
	void authenticateAcceptsNumericUserId() {
		answer(200, gatewayJson("\"user_id\":1840651530236071936").getBytes(StandardCharsets.UTF_8));
		assertThat(this.api.authenticate(this.base, "k", "id", "1", "a").userId()).isEqualTo("1840651530236071936");
	}

	@Test
	void authenticateAnswerMissingFieldsIsRefused() {
		answer(200, "{\"token\":\"SECRET-T\",\"api_url\":\"http://x\",\"user_id\":\"\"}".getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(MezonAuthenticationException.class)
			.isThrownBy(() -> this.api.authenticate(this.base, "k", "id", "1", "a"))
			.withMessageContaining("refresh_token, ws_url, user_id")
			.withMessageNotContaining("SECRET-T");
	}

	@Test
	void authenticateMalformedJsonIsRefused() {
		answer(200, "{\"token\":\"SECRET-T\",".getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(MezonAuthenticationException.class)
			.isThrownBy(() -> this.api.authenticate(this.base, "k", "id", "1", "a"))
			.withMessageContaining("malformed JSON")
			.withMessageNotContaining("SECRET-T")
			.withNoCause();
	}

	@Test
	void authenticateErrorCarriesStatus() {
		answer(401, "{\"code\":16}".getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(MezonAuthenticationException.class)
			.isThrownBy(() -> this.api.authenticate(this.base, "k", "the-id-token", "1", "a"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(401))
			.withMessageNotContaining("the-id-token");
	}

	@Test
	void authenticateTimeoutIsTimeout() {
		this.handler.set((exchange) -> Thread.sleep(5_000));
		assertThatExceptionOfType(MezonTimeoutException.class)
			.isThrownBy(() -> this.impatientApi.authenticate(this.base, "k", "id", "1", "a"));
	}

	@Test
	void putObjectSendsRawBytesWithContentType() {
		answer(200, null);
		byte[] bytes = { 1, 2, 3 };
		this.api.putObject(this.base.resolve("/uploads/1/a.bin?X-Amz-Signature=abc"), bytes, "image/png");
		Recorded sent = this.recorded.get();
		assertThat(sent.method()).isEqualTo("PUT");
		assertThat(sent.path()).isEqualTo("/uploads/1/a.bin?X-Amz-Signature=abc");
		assertThat(sent.contentType()).isEqualTo("image/png");
		assertThat(sent.authorization()).isNull();
		assertThat(sent.body()).isEqualTo(bytes);
	}

	@Test
	void putObjectRefusalNeverShowsThePresignedQuery() {
		answer(403, null);
		assertThatExceptionOfType(MezonApiException.class)
			.isThrownBy(() -> this.api.putObject(this.base.resolve("/uploads/1/a.bin?X-Amz-Signature=s3cr3t"),
					new byte[1], "application/octet-stream"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(403))
			.withMessageNotContaining("s3cr3t");
		this.server.stop(0);
		assertThatExceptionOfType(MezonApiException.class)
			.isThrownBy(() -> this.api.putObject(this.base.resolve("/uploads/1/a.bin?X-Amz-Signature=s3cr3t"),
					new byte[1], "application/octet-stream"))
			.satisfies((ex) -> assertThat(stackText(ex)).doesNotContain("s3cr3t"));
	}

	private static String stackText(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			text.append(cause).append('\n');
		}
		return text.toString();
	}

	private static String gatewayJson(String userId) {
		return "{\"token\":\"T\",\"refresh_token\":\"R\",\"api_url\":\"http://127.0.0.1:1\",\"ws_url\":\"h\","
				+ userId + "}";
	}

	private void answer(int status, byte[] body) {
		this.handler.set((exchange) -> {
			if (body == null || body.length == 0) {
				exchange.sendResponseHeaders(status, -1);
				return;
			}
			exchange.sendResponseHeaders(status, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
	}

	@FunctionalInterface
	interface Handler {

		void handle(HttpExchange exchange) throws IOException, InterruptedException;

	}

	record Recorded(String method, String path, String contentType, String accept, String authorization,
			byte[] body) {
	}

}
