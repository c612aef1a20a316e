package ai.mezon.light.test.internal.rest;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The default servlet: every path nothing else serves is a JSON 404. */
final class NotFoundServlet extends RestServlet {

	NotFoundServlet(RestEnvironment env) {
		super(env);
	}

	@Override
	protected void handle(HttpServletRequest request, HttpServletResponse response) {
		throw new HttpError(404, "no such endpoint");
	}

}
