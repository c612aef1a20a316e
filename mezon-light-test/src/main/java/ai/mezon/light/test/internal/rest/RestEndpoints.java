package ai.mezon.light.test.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * Registers the REST side of the test server on its Tomcat context.
 */
public final class RestEndpoints {

	/** The request counter of {@code SessionRefresh} calls refused with 401 (spent or invalid token). */
	public static final String REFUSED_REFRESH_COUNTER = "SessionRefresh.refused";

	private RestEndpoints() {
	}

	/**
	 * @param context the server's context
	 * @param env what the servlets share with the server
	 */
	public static void register(Context context, RestEnvironment env) {
		Map<String, ApiCall> calls = new LinkedHashMap<>();
		calls.put(SessionRefreshCall.NAME, new SessionRefreshCall(env));
		calls.put(CreateChannelDescCall.NAME, new CreateChannelDescCall(env));
		calls.put(UploadAttachmentFileCall.NAME, new UploadAttachmentFileCall(env));
		calls.put(ListChannelMessagesCall.NAME, new ListChannelMessagesCall(env));
		calls.put(ListChannelDescsCall.NAME, new ListChannelDescsCall(env));
		add(context, "mezonGateway", new GatewayServlet(env), GatewayServlet.PATH);
		add(context, "mezonApi", new ApiServlet(env, calls), ApiServlet.PREFIX + "*");
		add(context, "mezonUploads", new UploadServlet(env), UploadServlet.PREFIX + "*");
		// The default servlet: unknown paths answer a JSON 404 rather than Tomcat's HTML page.
		add(context, "mezonNotFound", new NotFoundServlet(env), "/");
	}

	private static void add(Context context, String name, HttpServlet servlet, String pattern) {
		Tomcat.addServlet(context, name, servlet);
		context.addServletMappingDecoded(pattern, name);
	}

}
