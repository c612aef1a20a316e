package ai.mezon.light.test.internal.rest;

import java.io.IOException;
import java.util.Map;

import com.google.protobuf.Message;
import jakarta.servlet.http.HttpServletRequest;

import ai.mezon.light.proto.api.Session;
import ai.mezon.light.proto.api.SessionRefreshRequest;
import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.internal.TokenService.InvalidTokenException;
import ai.mezon.light.test.internal.TokenService.TokenPair;
import ai.mezon.light.test.internal.TokenService.VerifiedToken;

/**
 * {@code SessionRefresh}: HTTP Basic server key, then the refresh token is verified (signature,
 * type, expiry, revocation) and spent, and a new pair is issued: the refresh token rotates, and
 * the old one is refused from now on.
 */
final class SessionRefreshCall extends ApiCall {

	static final String NAME = "SessionRefresh";

	/** The counter of refused refreshes (spent, expired or forged refresh tokens). */
	static final String REFUSED = RestEndpoints.REFUSED_REFRESH_COUNTER;

	SessionRefreshCall(RestEnvironment env) {
		super(env);
	}

	@Override
	Message serve(RestServlet servlet, HttpServletRequest request) throws IOException {
		servlet.requireServerKey(request);
		SessionRefreshRequest refresh = RestServlet.readProto(request, SessionRefreshRequest.parser());
		VerifiedToken verified;
		try {
			verified = this.env.tokens().spendRefresh(refresh.getToken());
		}
		catch (InvalidTokenException ex) {
			// Counted apart so tests of several instances can assert no refresh token was used twice.
			this.env.counters().increment(REFUSED);
			throw new HttpError(401, "invalid refresh token: " + ex.getMessage());
		}
		TestUser user = this.env.state().user(verified.userId(), verified.username());
		Map<String, String> vars = refresh.getVarsMap().isEmpty() ? verified.vars() : refresh.getVarsMap();
		TokenPair pair = this.env.tokens().issue(user, vars);
		return Session.newBuilder()
			.setToken(pair.token())
			.setRefreshToken(pair.refreshToken())
			.setUserId(user.id())
			.setIsRemember(refresh.getIsRemember())
			.setApiUrl(this.env.baseUrl().get())
			.setWsUrl(this.env.baseUrl().get())
			.build();
	}

}
