package ai.mezon.light.internal.rest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.google.protobuf.Internal;
import com.google.protobuf.Message;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import ai.mezon.light.LightClientOptions;
import ai.mezon.light.MezonApiException;
import ai.mezon.light.MezonAuthenticationException;
import ai.mezon.light.MezonException;
import ai.mezon.light.MezonResponseTooLargeException;
import ai.mezon.light.MezonTimeoutException;
import ai.mezon.light.internal.json.FlatJson;
import ai.mezon.light.internal.json.FlatJson.Member;
import ai.mezon.light.proto.api.ChannelDescList;
import ai.mezon.light.proto.api.ChannelDescription;
import ai.mezon.light.proto.api.ChannelMessageList;
import ai.mezon.light.proto.api.CreateChannelDescRequest;
import ai.mezon.light.proto.api.ListChannelDescsRequest;
import ai.mezon.light.proto.api.ListChannelMessagesRequest;
import ai.mezon.light.proto.api.Session;
import ai.mezon.light.proto.api.SessionRefreshRequest;
import ai.mezon.light.proto.api.UploadAttachment;
import ai.mezon.light.proto.api.UploadAttachmentRequest;

/**
 * {@link MezonRestApi} on Spring's {@link RestClient} over the JDK {@link HttpClient}.
 *
 * <p>Every call is bounded by {@link LightClientOptions#requestTimeout()}: it is the connect
 * timeout and the read timeout of Spring's {@code JdkClientHttpRequestFactory}, which also cancels
 * a response whose body has not been read by then. Every answer's body is capped at
 * {@link LightClientOptions#maxResponseSize()} ({@link MezonResponseTooLargeException}); clear-text
 * calls use HTTP/1.1 and TLS calls HTTP/2 ({@link HttpTransport}). Uploads stream their body. Exceptions and log lines name the call and the
 * host only: tokens travel in headers and bodies, and the presigned upload URL is never shown with
 * its query.
 *
 * <p>The {@link RestClient} is built on the first call, not with the API: see {@link #restClient()}.
 */
public final class RestClientMezonApi implements MezonRestApi {

	private static final Logger logger = LoggerFactory.getLogger(RestClientMezonApi.class);

	static final String AUTHENTICATE_PATH = "/v2/account/authenticate/idtoken";

	static final String API_PATH = "/mezon.api.Mezon/";

	private final LightClientOptions options;

	private final Duration timeout;

	private final HttpTransport transport;

	private final Object restClientMonitor = new Object();

	private volatile @Nullable RestClient restClient;

	/**
	 * Creates the API; its {@link RestClient} (and the JDK {@link HttpClient} under it) is built
	 * on the first call.
	 * @param options the timeout and the {@link LightClientOptions#restClientBuilder() builder}
	 * to start from
	 */
	public RestClientMezonApi(LightClientOptions options) {
		this.options = options;
		this.timeout = options.requestTimeout();
		this.transport = new HttpTransport(this.timeout, options.maxResponseSize());
	}

	/**
	 * Builds the {@link RestClient} on first use. Why lazily: a client resumed from a stored or
	 * configured session makes no REST call while the application starts (the socket needs none),
	 * and building the JDK {@link HttpClient} initialises the default {@code SSLContext}, the
	 * client's selector thread and some thousand classes: most of what this SDK added to start-up.
	 */
	private RestClient restClient() {
		RestClient client = this.restClient;
		if (client == null) {
			synchronized (this.restClientMonitor) {
				client = this.restClient;
				if (client == null) {
					client = buildRestClient();
					this.restClient = client;
				}
			}
		}
		return client;
	}

	private RestClient buildRestClient() {
		return this.options.restClientBuilder()
			// HTTP/1.1 on http, HTTP/2 on https, answers capped: see HttpTransport.
			.requestFactory(this.transport)
			// Only what the calls here use: byte[] bodies and protobuf. Not registerDefaults(),
			// which builds a JSON mapper of its own (Jackson's data binding, ~400 classes) even when
			// the builder is Boot's, whose converters already use the application's mapper.
			.configureMessageConverters((converters) -> converters
				.addCustomConverter(new ByteArrayHttpMessageConverter())
				.addCustomConverter(new ProtobufMessageConverter()))
			.build();
	}

	@Override
	public GatewaySession authenticate(URI gateway, String serverKey, String idToken, String userId,
			String username) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("id_token", idToken);
		body.put("user_id", userId);
		body.put("username", username);
		byte[] json = FlatJson.writeObject(body);
		String call = "authenticate";
		long started = System.nanoTime();
		Reply reply;
		try {
			reply = restClient().post()
				.uri(gateway.resolve(AUTHENTICATE_PATH))
				.headers(basicAuth(serverKey))
				// The JSON body is labelled application/proto, as the reference client does: it is
				// the label the production gateway is known to accept (PROTOCOL.md §2).
				.contentType(ProtobufMessageConverter.APPLICATION_PROTO)
				.accept(MediaType.APPLICATION_JSON)
				.body(json)
				.exchange((request, response) -> new Reply(response.getStatusCode().value(),
						readAll(response.getBody())), true);
		}
		catch (RestClientException ex) {
			MezonException mapped = mapTransportFailure(call, ex, started);
			if (mapped instanceof MezonTimeoutException || mapped instanceof MezonResponseTooLargeException) {
				throw mapped;
			}
			throw new MezonAuthenticationException("Authentication failed: " + mapped.getMessage(), 0,
					mapped.getCause());
		}
		logger.debug("POST {}{} -> HTTP {}", gateway, AUTHENTICATE_PATH, reply.status());
		if (reply.status() < 200 || reply.status() > 299) {
			throw new MezonAuthenticationException("Authentication refused by the gateway: HTTP " + reply.status(),
					reply.status(), null);
		}
		return parseGatewaySession(reply);
	}

	private static GatewaySession parseGatewaySession(Reply reply) {
		Map<String, Member> answer;
		try {
			answer = FlatJson.readObject(reply.body());
		}
		catch (JacksonException ex) {
			// No cause: a parser message could quote the body, and the body holds tokens.
			throw new MezonAuthenticationException("Gateway answered malformed JSON", reply.status(), null);
		}
		if (answer == null) {
			throw new MezonAuthenticationException("Gateway answered no JSON object", reply.status(), null);
		}
		List<String> missing = new ArrayList<>();
		String token = field(answer, "token", missing);
		String refreshToken = field(answer, "refresh_token", missing);
		String apiUrl = field(answer, "api_url", missing);
		String wsUrl = field(answer, "ws_url", missing);
		String userId = field(answer, "user_id", missing);
		if (!missing.isEmpty()) {
			throw new MezonAuthenticationException("Gateway answer lacks " + String.join(", ", missing),
					reply.status(), null);
		}
		return new GatewaySession(token, refreshToken, apiUrl, wsUrl, userId);
	}

	private static String field(Map<String, Member> answer, String name, List<String> missing) {
		Member member = answer.get(name);
		// user_id may come as a JSON number or (int64 in grpc-gateway style) a string.
		String text = (member != null && (member.isString() || member.isNumber())) ? member.text() : null;
		String value = (text != null) ? text.trim() : "";
		if (value.isEmpty()) {
			missing.add(name);
		}
		return value;
	}

	@Override
	public Session refreshSession(URI api, String serverKey, SessionRefreshRequest request) {
		return callApi("SessionRefresh", api, basicAuth(serverKey), request, Session.class);
	}

	@Override
	public ChannelDescription createChannelDesc(URI api, String token, CreateChannelDescRequest request) {
		return callApi("CreateChannelDesc", api, bearer(token), request, ChannelDescription.class);
	}

	@Override
	public UploadAttachment uploadAttachmentFile(URI api, String token, UploadAttachmentRequest request) {
		return callApi("UploadAttachmentFile", api, bearer(token), request, UploadAttachment.class);
	}

	@Override
	public ChannelMessageList listChannelMessages(URI api, String token, ListChannelMessagesRequest request) {
		return callApi("ListChannelMessages", api, bearer(token), request, ChannelMessageList.class);
	}

	@Override
	public ChannelDescList listChannelDescs(URI api, String token, ListChannelDescsRequest request) {
		return callApi("ListChannelDescs", api, bearer(token), request, ChannelDescList.class);
	}

	@Override
	public void putObject(URI presignedUrl, byte[] body, String contentType) {
		put(presignedUrl, HttpRequest.BodyPublishers.ofByteArray(body), contentType);
	}

	@Override
	public void putObject(URI presignedUrl, Path file, String contentType) {
		HttpRequest.BodyPublisher body;
		try {
			// Read from the file as the request is written, a buffer at a time: memory does not
			// grow with the file's size.
			body = HttpRequest.BodyPublishers.ofFile(file);
		}
		catch (FileNotFoundException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		put(presignedUrl, body, contentType);
	}

	/**
	 * {@code PUT}s a body straight through the JDK client, not through the {@link RestClient}:
	 * interceptors on an application's {@code RestClient.Builder} would buffer the whole body in
	 * memory (Spring's intercepting request does), and headers they add (an {@code Authorization},
	 * a base URL) have no business on an object store's presigned URL.
	 */
	private void put(URI presignedUrl, HttpRequest.BodyPublisher body, String contentType) {
		String call = "PutObject";
		// The query holds the upload credentials: log and report the URL without it.
		String publicUrl = presignedUrl.getScheme() + "://" + presignedUrl.getRawAuthority()
				+ presignedUrl.getRawPath();
		HttpRequest request = HttpRequest.newBuilder(presignedUrl)
			.timeout(this.timeout)
			.header(HttpHeaders.CONTENT_TYPE, MediaType.parseMediaType(contentType).toString())
			.PUT(body)
			.build();
		long started = System.nanoTime();
		int status;
		try {
			HttpResponse<InputStream> response = this.transport.client(presignedUrl)
				.send(request, HttpResponse.BodyHandlers.ofInputStream());
			status = response.statusCode();
			drain(response, started);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MezonApiException(call, 0, call + " interrupted", null);
		}
		catch (IOException ex) {
			throw mapIoFailure(call, ex, started);
		}
		logger.debug("PUT {} ({} bytes) -> HTTP {}", publicUrl, body.contentLength(), status);
		if (status < 200 || status > 299) {
			throw new MezonApiException(call, status,
					"Upload of " + body.contentLength() + " bytes refused: HTTP " + status, null);
		}
	}

	/**
	 * Reads and drops an answer's body, capped, and within what is left of the timeout: the
	 * request's own timeout only covers the wait for the headers, so the stream is closed at the
	 * deadline (the read then fails and is reported as a timeout).
	 */
	private void drain(HttpResponse<InputStream> response, long started) throws IOException {
		InputStream body = response.body();
		long left = this.timeout.toNanos() - (System.nanoTime() - started);
		CompletableFuture<Void> deadline = CompletableFuture.runAsync(() -> closeQuietly(body),
				CompletableFuture.delayedExecutor(Math.max(left, 0), TimeUnit.NANOSECONDS));
		try (InputStream capped = HttpTransport.cap(body, this.transport.maxResponseSize(), response.statusCode(),
				response.headers().firstValueAsLong(HttpHeaders.CONTENT_LENGTH).orElse(-1))) {
			capped.transferTo(OutputStream.nullOutputStream());
		}
		finally {
			deadline.cancel(false);
		}
	}

	private static void closeQuietly(InputStream body) {
		try {
			body.close();
		}
		catch (IOException ex) {
			// Closing at the deadline only stops the read; the reader reports the failure.
		}
	}

	private MezonException mapIoFailure(String call, IOException ex, long started) {
		MezonException tooLarge = tooLarge(call, ex);
		if (tooLarge != null) {
			return tooLarge;
		}
		if (isTimeout(ex, started)) {
			return new MezonTimeoutException(call, this.timeout, ex);
		}
		// Not the exception's message in ours, as for every call: messages name the call only.
		return new MezonApiException(call, 0, call + " failed: I/O error (" + ex.getClass().getSimpleName() + ")",
				ex);
	}

	private <T extends Message> T callApi(String call, URI api, Consumer<HttpHeaders> auth, Message request,
			Class<T> responseType) {
		URI uri = api.resolve(API_PATH + call);
		long started = System.nanoTime();
		T answer;
		try {
			answer = restClient().post()
				.uri(uri)
				.headers(auth)
				.contentType(ProtobufMessageConverter.APPLICATION_PROTO)
				.accept(ProtobufMessageConverter.APPLICATION_PROTO)
				.body(new ProtobufBody(request))
				.exchange((req, response) -> {
					int status = response.getStatusCode().value();
					logger.debug("POST {} -> HTTP {}", uri, status);
					if (!response.getStatusCode().is2xxSuccessful()) {
						throw new MezonApiException(call, status, call + " failed: HTTP " + status, null);
					}
					T body;
					try {
						body = response.bodyTo(responseType);
					}
					catch (RestClientException ex) {
						MezonException tooLarge = tooLarge(call, ex);
						if (tooLarge != null) {
							throw tooLarge;
						}
						if (isTimeout(ex, started)) {
							throw new MezonTimeoutException(call, this.timeout, ex.getMostSpecificCause());
						}
						throw new MezonApiException(call, status, call + " answered an unreadable body",
								ex.getMostSpecificCause());
					}
					// 204 and empty bodies mean the empty message (PROTOCOL.md §2).
					return (body != null) ? body : Internal.getDefaultInstance(responseType);
				}, true);
		}
		catch (RestClientException ex) {
			throw mapTransportFailure(call, ex, started);
		}
		return answer;
	}

	/**
	 * Maps a transport failure to the SDK's exceptions. Spring's own messages are not reused: they
	 * quote the full request URL, which for uploads holds credentials.
	 */
	private MezonException mapTransportFailure(String call, RestClientException ex, long started) {
		MezonException tooLarge = tooLarge(call, ex);
		if (tooLarge != null) {
			return tooLarge;
		}
		Throwable root = ex.getMostSpecificCause();
		if (isTimeout(ex, started)) {
			return new MezonTimeoutException(call, this.timeout, root);
		}
		String reason = (ex instanceof ResourceAccessException) ? "I/O error" : "unreadable answer";
		return new MezonApiException(call, 0, call + " failed: " + reason + " (" + root.getClass().getSimpleName()
				+ ")", (root != ex) ? root : null);
	}

	/**
	 * The answer broke the cap on answers somewhere down the chain (Spring's readers and
	 * protobuf's parser wrap the {@link IOException} the capped body threw).
	 */
	private static @Nullable MezonException tooLarge(String call, Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTransport.ResponseTooLargeIOException tooLarge) {
				return new MezonResponseTooLargeException(call, tooLarge.status(), tooLarge.limit(), tooLarge.size());
			}
		}
		return null;
	}

	/**
	 * Whether a failure is the request timeout: a timeout exception in the chain, or any I/O
	 * failure once the deadline has passed (when the body is late, the request factory's timeout
	 * handler closes the stream and the read fails with a plain "closed" {@code IOException}).
	 */
	private boolean isTimeout(Throwable ex, long started) {
		if (System.nanoTime() - started >= this.timeout.toNanos()) {
			return true;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static Consumer<HttpHeaders> basicAuth(String serverKey) {
		return (headers) -> headers.setBasicAuth(serverKey, "", StandardCharsets.UTF_8);
	}

	private static Consumer<HttpHeaders> bearer(String token) {
		return (headers) -> headers.setBearerAuth(token);
	}

	private static byte[] readAll(@Nullable InputStream body) throws IOException {
		if (body == null) {
			return new byte[0];
		}
		try (body) {
			return body.readAllBytes();
		}
	}

	private record Reply(int status, byte[] body) {
	}

}
