package ai.mezon.light.test.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import ai.mezon.light.test.internal.TokenService.InvalidTokenException;
import ai.mezon.light.test.internal.TokenService.VerifiedToken;

/**
 * Base of the REST servlets: every answer, errors included, is written here, errors as
 * {@code {"code": <gRPC code>, "message": "..."}} the way Mezon's grpc-gateway answers them.
 */
abstract class RestServlet extends HttpServlet {

	static final String APPLICATION_PROTO = "application/proto";

	/** Uploads and bodies above this size are refused, so a runaway test cannot fill the heap. */
	static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

	static final JsonMapper JSON = JsonMapper.shared();

	protected final RestEnvironment env;

	RestServlet(RestEnvironment env) {
		this.env = env;
	}

	@Override
	protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		try {
			handle(request, response);
		}
		catch (HttpError ex) {
			writeError(response, ex.status(), ex.getMessage());
		}
	}

	/** Handles one request; throws {@link HttpError} to answer an error. */
	protected abstract void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;

	/** Counts the request for a call and applies injected faults. */
	protected void begin(String call) {
		this.env.counters().increment(call);
		this.env.faults().apply();
	}

	protected static void requireMethod(HttpServletRequest request, HttpServletResponse response,
			String... allowed) {
		if (!Arrays.asList(allowed).contains(request.getMethod())) {
			response.setHeader("Allow", String.join(", ", allowed));
			throw new HttpError(405, "method " + request.getMethod() + " not allowed");
		}
	}

	/** Checks HTTP Basic {@code serverKey:} (the password is empty and ignored). */
	protected void requireServerKey(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			throw new HttpError(401, "missing Basic authorization");
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new HttpError(401, "malformed Basic authorization");
		}
		int colon = decoded.indexOf(':');
		String key = (colon >= 0) ? decoded.substring(0, colon) : decoded;
		if (!key.equals(this.env.serverKey())) {
			throw new HttpError(401, "invalid server key");
		}
	}

	/** Checks the bearer access token: signature, type, expiry, revocation. */
	protected VerifiedToken requireBearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			throw new HttpError(401, "missing Bearer authorization");
		}
		try {
			return this.env.tokens().verifyAccess(header.substring(7).trim());
		}
		catch (InvalidTokenException ex) {
			throw new HttpError(401, "invalid token: " + ex.getMessage());
		}
	}

	protected static byte[] readBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			throw new HttpError(413, "body too large");
		}
		try (InputStream body = request.getInputStream()) {
			byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
			if (bytes.length > MAX_BODY_BYTES) {
				throw new HttpError(413, "body too large");
			}
			return bytes;
		}
	}

	protected static <T extends Message> T readProto(HttpServletRequest request, Parser<T> parser)
			throws IOException {
		try {
			return parser.parseFrom(readBody(request));
		}
		catch (InvalidProtocolBufferException ex) {
			throw new HttpError(400, "request body is not a valid protobuf message");
		}
	}

	protected static void writeProto(HttpServletResponse response, Message message) throws IOException {
		byte[] bytes = message.toByteArray();
		response.setStatus(200);
		response.setContentType(APPLICATION_PROTO);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	protected static void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		response.setStatus(status);
		response.setContentType("application/json");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	static void writeError(HttpServletResponse response, int status, @Nullable String message) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", grpcCode(status));
		body.put("message", (message != null) ? message : "");
		response.resetBuffer();
		writeJson(response, status, body);
	}

	/** The gRPC status code grpc-gateway pairs with an HTTP status. */
	static int grpcCode(int status) {
		return switch (status) {
			case 400 -> 3;
			case 401 -> 16;
			case 403 -> 7;
			case 404 -> 5;
			case 405 -> 12;
			case 409 -> 6;
			case 413 -> 11;
			case 415 -> 3;
			case 429 -> 8;
			case 500 -> 13;
			case 503 -> 14;
			case 504 -> 4;
			default -> 2;
		};
	}

	protected static String mediaType(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return "";
		}
		int semicolon = type.indexOf(';');
		return ((semicolon >= 0) ? type.substring(0, semicolon) : type).trim().toLowerCase(Locale.ROOT);
	}

}
