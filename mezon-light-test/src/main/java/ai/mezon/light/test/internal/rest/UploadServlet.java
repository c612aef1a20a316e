package ai.mezon.light.test.internal.rest;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ai.mezon.light.test.internal.ServerState.StoredObject;

/**
 * The object store behind presigned upload URLs: {@code PUT /uploads/...} with a valid, unexpired
 * signature stores the bytes and their content type (403 otherwise); {@code GET} of the same path
 * without query serves them, as a public CDN would (404 when unknown).
 */
final class UploadServlet extends RestServlet {

	static final String PREFIX = "/uploads/";

	static final String CALL = "PutObject";

	UploadServlet(RestEnvironment env) {
		super(env);
	}

	@Override
	protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
		requireMethod(request, response, "GET", "HEAD", "PUT");
		// The raw path: signatures and stored keys use it exactly as it was handed out.
		String path = request.getRequestURI();
		if (request.getMethod().equals("PUT")) {
			begin(CALL);
			this.env.presignedUrls().verify("PUT", path, request.getParameterMap());
			String contentType = (request.getContentType() != null) ? request.getContentType()
					: "application/octet-stream";
			this.env.state().putObject(path, new StoredObject(contentType, readBody(request)));
			response.setStatus(200);
			return;
		}
		Optional<StoredObject> stored = this.env.state().findObject(path);
		if (stored.isEmpty()) {
			throw new HttpError(404, "no such object");
		}
		byte[] bytes = stored.get().bytes();
		response.setStatus(200);
		response.setContentType(stored.get().contentType());
		response.setContentLength(bytes.length);
		if (request.getMethod().equals("GET")) {
			response.getOutputStream().write(bytes);
		}
	}

}
