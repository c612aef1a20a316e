package ai.mezon.light.test.internal.rest;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /mezon.api.Mezon/{call}}: dispatches to the {@link ApiCall} of that name. Unknown
 * calls are 404, other methods 405, bodies that do not parse 400.
 */
final class ApiServlet extends RestServlet {

	static final String PREFIX = "/mezon.api.Mezon/";

	private final Map<String, ApiCall> calls;

	ApiServlet(RestEnvironment env, Map<String, ApiCall> calls) {
		super(env);
		this.calls = Map.copyOf(calls);
	}

	@Override
	protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String pathInfo = request.getPathInfo();
		String name = (pathInfo != null && pathInfo.startsWith("/")) ? pathInfo.substring(1) : "";
		ApiCall call = this.calls.get(name);
		if (call == null) {
			throw new HttpError(404, "unknown call " + name);
		}
		requireMethod(request, response, "POST");
		begin(name);
		writeProto(response, call.serve(this, request));
	}

}
