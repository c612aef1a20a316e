package ai.mezon.light.test.internal.rest;

import java.io.IOException;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import jakarta.servlet.http.HttpServletRequest;

import ai.mezon.light.test.internal.TokenService.VerifiedToken;

/**
 * A call authenticated by a bearer access token, with a protobuf request body.
 *
 * @param <Q> the request message
 */
abstract class BearerCall<Q extends Message> extends ApiCall {

	private final Parser<Q> parser;

	BearerCall(RestEnvironment env, Parser<Q> parser) {
		super(env);
		this.parser = parser;
	}

	@Override
	final Message serve(RestServlet servlet, HttpServletRequest request) throws IOException {
		VerifiedToken caller = servlet.requireBearer(request);
		return handle(caller, RestServlet.readProto(request, this.parser));
	}

	/**
	 * @param caller the verified access token
	 * @param request the parsed request
	 * @return the answer
	 * @throws HttpError to answer an error
	 */
	protected abstract Message handle(VerifiedToken caller, Q request);

}
