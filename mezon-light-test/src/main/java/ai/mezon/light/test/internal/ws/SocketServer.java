package ai.mezon.light.test.internal.ws;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.websocket.server.WsSci;

import ai.mezon.light.test.internal.TokenService;

/**
 * Installs the socket side into the test server's Tomcat context: Tomcat's WebSocket support,
 * the {@code /ws} endpoint, and the handshake filter in front of it.
 * <p>
 * {@code permessage-deflate} (RFC 7692) is negotiated only when enabled: Tomcat accepts it by
 * default whenever a client offers it (Node's and browsers' WebSocket do, Tomcat's client does
 * not), and it then compresses every frame it sends, small or not.
 */
public final class SocketServer {

	/** The socket path, as in {@code wss://host:443/ws?...}. */
	public static final String PATH = "/ws";

	private final SocketHub hub;

	private final TokenService tokens;

	private final boolean permessageDeflate;

	/**
	 * @param hub the connections
	 * @param tokens the token checks of the handshake
	 * @param permessageDeflate whether {@code permessage-deflate} is accepted when a client offers it
	 */
	public SocketServer(SocketHub hub, TokenService tokens, boolean permessageDeflate) {
		this.hub = hub;
		this.tokens = tokens;
		this.permessageDeflate = permessageDeflate;
	}

	/**
	 * Registers everything in a context that has not started yet.
	 * @param context the context
	 */
	public void register(Context context) {
		// WsSci creates the ServerContainer; initializers run in the order added, so it exists when
		// the second one adds the endpoint.
		context.addServletContainerInitializer(new WsSci(), null);
		context.addServletContainerInitializer((classes, servletContext) -> {
			ServerContainer container = (ServerContainer) servletContext
				.getAttribute(ServerContainer.class.getName());
			try {
				container.addEndpoint(ServerEndpointConfig.Builder.create(SocketEndpoint.class, PATH)
					.configurator(new ServerEndpointConfig.Configurator() {

						@Override
						@SuppressWarnings("unchecked")
						public <T> T getEndpointInstance(Class<T> endpointClass) {
							return (T) new SocketEndpoint(SocketServer.this.hub, SocketServer.this.tokens);
						}

						@Override
						public List<Extension> getNegotiatedExtensions(List<Extension> installed,
								List<Extension> requested) {
							// Tomcat's only installed extension is permessage-deflate; refusing it
							// means negotiating none.
							return SocketServer.this.permessageDeflate
									? super.getNegotiatedExtensions(installed, requested) : List.of();
						}

					})
					.build());
			}
			catch (DeploymentException ex) {
				throw new IllegalStateException("Cannot deploy the socket endpoint", ex);
			}
		}, null);
		// Filters only run for a request some servlet maps, so /ws needs one; it only sees
		// requests that are not upgrades (Tomcat's WsFilter upgrades the others first).
		Wrapper servlet = Tomcat.addServlet(context, "mezonSocketUpgradeRequired", new HttpServlet() {

			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
				response.sendError(HttpServletResponse.SC_BAD_REQUEST, "WebSocket upgrade required");
			}

		});
		servlet.setAsyncSupported(true);
		context.addServletMappingDecoded(PATH, "mezonSocketUpgradeRequired");
		FilterDef filter = new FilterDef();
		filter.setFilterName("mezonSocketHandshake");
		filter.setFilter(new HandshakeFilter(this.tokens, this.hub.faults()));
		filter.setAsyncSupported("true");
		context.addFilterDef(filter);
		FilterMap mapping = new FilterMap();
		mapping.setFilterName("mezonSocketHandshake");
		mapping.addURLPattern(PATH);
		context.addFilterMap(mapping);
	}

}
