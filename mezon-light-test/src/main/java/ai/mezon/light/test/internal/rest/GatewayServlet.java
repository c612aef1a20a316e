package ai.mezon.light.test.internal.rest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.internal.TokenService.TokenPair;

/**
 * {@code POST /v2/account/authenticate/idtoken}: accepts any non-blank id token (there is no
 * identity provider to check it against) and issues a session for the user it names.
 *
 * <p>The JSON body is accepted as {@code application/json} and as {@code application/proto}, the
 * label the reference client puts on it. A decimal {@code user_id} becomes the user's id; anything
 * else gets a new snowflake.
 */
final class GatewayServlet extends RestServlet {

	static final String PATH = "/v2/account/authenticate/idtoken";

	static final String CALL = "authenticate";

	GatewayServlet(RestEnvironment env) {
		super(env);
	}

	@Override
	protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
		requireMethod(request, response, "POST");
		begin(CALL);
		requireServerKey(request);
		String type = mediaType(request);
		if (!type.isEmpty() && !type.equals("application/json") && !type.equals(APPLICATION_PROTO)) {
			throw new HttpError(415, "unsupported content type " + type);
		}
		JsonNode body;
		try {
			body = JSON.readTree(readBody(request));
		}
		catch (JacksonException ex) {
			throw new HttpError(400, "request body is not JSON");
		}
		if (body == null || !body.isObject()) {
			throw new HttpError(400, "request body is not a JSON object");
		}
		String idToken = text(body.get("id_token"));
		if (idToken == null || idToken.isBlank()) {
			throw new HttpError(401, "id_token is required");
		}
		Long userId = decimalId(text(body.get("user_id")));
		long id = (userId != null) ? userId : this.env.state().ids().next();
		String username = text(body.get("username"));
		TestUser user = this.env.state().user(id, (username != null && !username.isBlank()) ? username : "user-" + id);
		TokenPair pair = this.env.tokens().issue(user, Map.of());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("token", pair.token());
		answer.put("refresh_token", pair.refreshToken());
		answer.put("api_url", this.env.baseUrl().get());
		answer.put("ws_url", this.env.baseUrl().get());
		// int64 rendered as a string, as grpc-gateway does.
		answer.put("user_id", user.idString());
		writeJson(response, 200, answer);
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && (node.isString() || node.isNumber())) ? node.asString() : null;
	}

	private static @Nullable Long decimalId(@Nullable String value) {
		if (value == null || !value.trim().matches("[0-9]{1,19}")) {
			return null;
		}
		try {
			long id = Long.parseLong(value.trim());
			return (id > 0) ? id : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
