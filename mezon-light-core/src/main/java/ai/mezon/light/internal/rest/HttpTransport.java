package ai.mezon.light.internal.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;

import ai.mezon.light.MezonResponseTooLargeException;

/**
 * The JDK {@link HttpClient}s under the REST client, and the {@link ClientHttpRequestFactory} the
 * {@code RestClient} uses on them. Two rules live here:
 * <ul>
 * <li><b>HTTP/1.1 on {@code http://}, HTTP/2 on {@code https://}.</b> An HTTP/2 JDK client asks a
 * clear-text server for an h2c upgrade ({@code Connection: Upgrade, HTTP2-Settings}); a server that
 * also serves WebSockets on that port (a common way to write a Mezon-like server, the embedded test
 * server included) can take that for a WebSocket upgrade and refuse the call. So clear-text calls go
 * through an HTTP/1.1 client, as the TypeScript SDK's do; TLS calls keep HTTP/2 (negotiated by ALPN,
 * no upgrade header).</li>
 * <li><b>Answers are capped</b> at {@code maxResponseSize} bytes: a body declared larger fails before
 * it is read, one that turns out larger fails once the cap is passed, with
 * {@link ResponseTooLargeIOException}; at most the cap plus one buffer is ever held.</li>
 * </ul>
 * Each client is built on its first use (building one starts a selector thread and initialises TLS),
 * so a bot on {@code https} never builds the HTTP/1.1 one. Thread-safe.
 */
final class HttpTransport implements ClientHttpRequestFactory {

	private final Duration timeout;

	private final long maxResponseSize;

	private final Lazy http1 = new Lazy(HttpClient.Version.HTTP_1_1);

	private final Lazy http2 = new Lazy(HttpClient.Version.HTTP_2);

	/**
	 * @param timeout the connect timeout and each request's read timeout
	 * @param maxResponseSize the most bytes an answer's body may have
	 */
	HttpTransport(Duration timeout, long maxResponseSize) {
		this.timeout = timeout;
		this.maxResponseSize = maxResponseSize;
	}

	/**
	 * The client for a URL: HTTP/1.1 for {@code http}, HTTP/2 (with HTTP/1.1 fallback) otherwise.
	 * @param uri the URL to call
	 * @return its client, built on first use
	 */
	HttpClient client(URI uri) {
		return lazy(uri).client();
	}

	/** @return the cap on answers' bodies, in bytes */
	long maxResponseSize() {
		return this.maxResponseSize;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		return new CappedRequest(lazy(uri).requestFactory().createRequest(uri, httpMethod), this.maxResponseSize);
	}

	private Lazy lazy(URI uri) {
		boolean clearText = "http".equals((uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "");
		return clearText ? this.http1 : this.http2;
	}

	/**
	 * Wraps a body so it fails once more than {@code limit} bytes have come.
	 * @param body the body
	 * @param limit the most bytes allowed
	 * @param status the answer's status, for the error
	 * @param declaredLength the {@code Content-Length}, or -1
	 * @return the capped body
	 * @throws ResponseTooLargeIOException at once when the declared length is over the limit
	 */
	static InputStream cap(InputStream body, long limit, int status, long declaredLength)
			throws ResponseTooLargeIOException {
		if (declaredLength > limit) {
			closeQuietly(body);
			throw new ResponseTooLargeIOException(limit, declaredLength, status);
		}
		return new CappedInputStream(body, limit, status);
	}

	private static void closeQuietly(InputStream body) {
		try {
			body.close();
		}
		catch (IOException ex) {
			// Closing only stops the transfer; there is nothing else to do about it.
		}
	}

	/**
	 * An answer's body went over the cap. An {@link IOException} so that it travels out of
	 * Spring's readers and converters like any failed read; the REST client finds it in the cause
	 * chain and reports {@code MezonResponseTooLargeException}.
	 */
	static final class ResponseTooLargeIOException extends IOException {

		private final long limit;

		private final long size;

		private final int status;

		ResponseTooLargeIOException(long limit, long size, int status) {
			super("Answer over the " + limit + "-byte limit");
			this.limit = limit;
			this.size = size;
			this.status = status;
		}

		long limit() {
			return this.limit;
		}

		long size() {
			return this.size;
		}

		int status() {
			return this.status;
		}

	}

	private final class Lazy {

		private final HttpClient.Version version;

		private volatile @Nullable HttpClient client;

		private volatile @Nullable JdkClientHttpRequestFactory requestFactory;

		Lazy(HttpClient.Version version) {
			this.version = version;
		}

		HttpClient client() {
			HttpClient built = this.client;
			if (built == null) {
				synchronized (this) {
					built = this.client;
					if (built == null) {
						built = HttpClient.newBuilder()
							.version(this.version)
							.connectTimeout(HttpTransport.this.timeout)
							.followRedirects(HttpClient.Redirect.NEVER)
							.build();
						this.client = built;
					}
				}
			}
			return built;
		}

		JdkClientHttpRequestFactory requestFactory() {
			JdkClientHttpRequestFactory factory = this.requestFactory;
			if (factory == null) {
				synchronized (this) {
					factory = this.requestFactory;
					if (factory == null) {
						factory = new JdkClientHttpRequestFactory(client());
						factory.setReadTimeout(HttpTransport.this.timeout);
						this.requestFactory = factory;
					}
				}
			}
			return factory;
		}

	}

	/**
	 * Delegates everything to the JDK request, the streaming body included (so a body is never
	 * buffered here), and caps the answer.
	 */
	private static final class CappedRequest implements ClientHttpRequest, StreamingHttpOutputMessage {

		private final ClientHttpRequest delegate;

		private final long limit;

		CappedRequest(ClientHttpRequest delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public HttpMethod getMethod() {
			return this.delegate.getMethod();
		}

		@Override
		public URI getURI() {
			return this.delegate.getURI();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.delegate.getAttributes();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.delegate.getHeaders();
		}

		@Override
		public OutputStream getBody() throws IOException {
			return this.delegate.getBody();
		}

		@Override
		public void setBody(Body body) {
			((StreamingHttpOutputMessage) this.delegate).setBody(body);
		}

		@Override
		public void setBody(byte[] body) throws IOException {
			((StreamingHttpOutputMessage) this.delegate).setBody(body);
		}

		@Override
		public ClientHttpResponse execute() throws IOException {
			return new CappedResponse(this.delegate.execute(), this.limit);
		}

	}

	private static final class CappedResponse implements ClientHttpResponse {

		private final ClientHttpResponse delegate;

		private final long limit;

		private @Nullable InputStream body;

		CappedResponse(ClientHttpResponse delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.delegate.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.delegate.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.delegate.getHeaders();
		}

		@Override
		public InputStream getBody() throws IOException {
			InputStream capped = this.body;
			if (capped == null) {
				capped = cap(this.delegate.getBody(), this.limit, getStatusCode().value(),
						getHeaders().getContentLength());
				this.body = capped;
			}
			return capped;
		}

		@Override
		public void close() {
			this.delegate.close();
		}

	}

	private static final class CappedInputStream extends FilterInputStream {

		private final long limit;

		private final int status;

		private long count;

		CappedInputStream(InputStream in, long limit, int status) {
			super(in);
			this.limit = limit;
			this.status = status;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			// Never more than one byte past the cap: enough to tell that it was passed.
			long room = this.limit - this.count + 1;
			int n = super.read(buffer, offset, (int) Math.min(length, room));
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(Math.min(n, this.limit - this.count + 1));
			counted(skipped);
			return skipped;
		}

		private void counted(long n) throws ResponseTooLargeIOException {
			this.count += n;
			if (this.count > this.limit) {
				throw new ResponseTooLargeIOException(this.limit, this.count, this.status);
			}
		}

	}

}
