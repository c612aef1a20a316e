package ai.mezon.light.internal.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import ai.mezon.light.internal.json.FlatJson;

/**
 * What the first REST call (the sign-in) pays for once per JVM, done ahead of it, without a
 * connection and without a JDK {@code HttpClient} of its own (one would start a selector thread
 * and live on): a {@code RestClient} with the same converters as {@link RestClientMezonApi}'s is
 * built on a request factory that goes nowhere, and a sign-in-shaped call is made on it up to the
 * point where it would be sent (headers, the JSON body, its converter), where it fails on purpose.
 * The JDK client's own classes are initialised by the socket's shared client. Called by
 * {@code ai.mezon.light.internal.Preload}; not API.
 */
public final class RestPreload {

	private static final URI NOWHERE = URI.create("http://preload.invalid" + RestClientMezonApi.AUTHENTICATE_PATH);

	private RestPreload() {
	}

	/**
	 * Builds a throw-away {@code RestClient} and makes one call on it that is never sent; safe to
	 * call at any time, from any thread: it shares nothing with real clients.
	 */
	public static void run() {
		RestClient client = RestClient.builder()
			.requestFactory((uri, method) -> new UnsentRequest(uri, method))
			.configureMessageConverters((converters) -> converters
				.addCustomConverter(new ByteArrayHttpMessageConverter())
				.addCustomConverter(new ProtobufMessageConverter()))
			.build();
		byte[] json = FlatJson.writeObject(Map.of("id_token", "", "user_id", "", "username", ""));
		FlatJson.readObject(json);
		try {
			client.post()
				.uri(NOWHERE)
				.headers((headers) -> headers.setBasicAuth("preload", ""))
				.contentType(ProtobufMessageConverter.APPLICATION_PROTO)
				.accept(MediaType.APPLICATION_JSON)
				.body(json)
				.exchange((request, response) -> response.getStatusCode().value(), true);
		}
		catch (RestClientException ex) {
			// Expected: the request is never sent.
		}
	}

	/** A request whose body is written to memory and that fails instead of being sent. */
	private static final class UnsentRequest implements ClientHttpRequest {

		private final URI uri;

		private final HttpMethod method;

		private final HttpHeaders headers = new HttpHeaders();

		private final Map<String, Object> attributes = new HashMap<>();

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		UnsentRequest(URI uri, HttpMethod method) {
			this.uri = uri;
			this.method = method;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.attributes;
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public OutputStream getBody() {
			return this.body;
		}

		@Override
		public ClientHttpResponse execute() throws IOException {
			throw new IOException("Preload: not sent");
		}

	}

}
