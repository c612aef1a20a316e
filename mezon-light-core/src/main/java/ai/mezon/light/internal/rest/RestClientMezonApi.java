package ai.mezon.light.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.google.protobuf.Internal;
import com.google.protobuf.Message;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import ai.mezon.light.LightClientOptions;
import ai.mezon.light.MezonApiException;
import ai.mezon.light.MezonAuthenticationException;
import ai.mezon.light.MezonException;
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
 * timeout and the read timeout of {@link JdkClientHttpRequestFactory}, which also cancels a
 * response whose body has not been read by then. Exceptions and log lines name the call and the
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
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(this.timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(this.timeout);
		return this.options.restClientBuilder()
			.requestFactory(requestFactory)
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
			if (mapped instanceof MezonTimeoutException) {
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
		String call = "PutObject";
		// The query holds the upload credentials: log and report the URL without it.
		String publicUrl = presignedUrl.getScheme() + "://" + presignedUrl.getRawAuthority()
				+ presignedUrl.getRawPath();
		long started = System.nanoTime();
		int status;
		try {
			status = restClient().method(HttpMethod.PUT)
				.uri(presignedUrl)
				.contentType(MediaType.parseMediaType(contentType))
				.body(body)
				.exchange((request, response) -> {
					readAll(response.getBody());
					return response.getStatusCode().value();
				}, true);
		}
		catch (RestClientException ex) {
			throw mapTransportFailure(call, ex, started);
		}
		logger.debug("PUT {} ({} bytes) -> HTTP {}", publicUrl, body.length, status);
		if (status < 200 || status > 299) {
			throw new MezonApiException(call, status, "Upload of " + body.length + " bytes refused: HTTP " + status,
					null);
		}
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
		Throwable root = ex.getMostSpecificCause();
		if (isTimeout(ex, started)) {
			return new MezonTimeoutException(call, this.timeout, root);
		}
		String reason = (ex instanceof ResourceAccessException) ? "I/O error" : "unreadable answer";
		return new MezonApiException(call, 0, call + " failed: " + reason + " (" + root.getClass().getSimpleName()
				+ ")", (root != ex) ? root : null);
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
