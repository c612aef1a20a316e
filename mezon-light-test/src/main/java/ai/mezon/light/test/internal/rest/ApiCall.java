package ai.mezon.light.test.internal.rest;

import java.io.IOException;

import com.google.protobuf.Message;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One {@code mezon.api.Mezon} call of the test server: authenticates, parses and answers a
 * request. Most calls are {@link BearerCall}s.
 */
abstract class ApiCall {

	protected final RestEnvironment env;

	ApiCall(RestEnvironment env) {
		this.env = env;
	}

	/**
	 * @param servlet the servlet, for its authentication and body helpers
	 * @param request the request
	 * @return the answer
	 * @throws HttpError to answer an error
	 */
	abstract Message serve(RestServlet servlet, HttpServletRequest request) throws IOException;

}
