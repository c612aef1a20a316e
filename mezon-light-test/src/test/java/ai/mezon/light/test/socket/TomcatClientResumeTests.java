package ai.mezon.light.test.socket;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.WsSession;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.apache.tomcat.websocket.server.WsSci;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tomcat's WebSocket client, which the SDK reads with, loses a wake-up: a {@code suspend()} from a
 * message handler stops frame processing with frames left in its input buffer and, if it had
 * already copied all it had read, it starts the next socket read anyway (state
 * {@code SUSPENDING_PROCESS}). A {@code resume()} before that read completes only switches the
 * state back to {@code PROCESSING}: the frames left in the buffer wait for the next bytes from the
 * server. At the end of a burst there are none, until the SDK's heartbeat (the ~10 s stall the
 * inbound benchmark saw). With {@code receive(false)} fewer than {@link #FRAMES} frames arrive on
 * Tomcat 11.0.22 (seen when this was written); that depends on how the bytes happen to be read,
 * so it is not asserted here. What is asserted is the SDK's way out ({@code Link.resumeReading}):
 * a ping after the resume makes the server send a pong, whose arrival processes the frames left.
 */
class TomcatClientResumeTests {

	private static final int FRAMES = 200;

	private static final int SUSPEND_AT = 50;

	private Tomcat tomcat;

	private Path baseDir;

	private int port;

	@BeforeEach
	void start() throws Exception {
		this.baseDir = Files.createTempDirectory("tomcat-resume");
		this.tomcat = new Tomcat();
		this.tomcat.setBaseDir(this.baseDir.toString());
		Connector connector = new Connector();
		connector.setPort(0);
		connector.setProperty("address", "127.0.0.1");
		this.tomcat.getService().addConnector(connector);
		this.tomcat.setConnector(connector);
		Context context = this.tomcat.addContext("", this.baseDir.toString());
		context.addServletContainerInitializer(new WsSci(), null);
		context.addServletContainerInitializer((classes, servletContext) -> {
			ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
			try {
				container.addEndpoint(ServerEndpointConfig.Builder.create(Burst.class, "/burst").build());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, null);
		Tomcat.addServlet(context, "default", new HttpServlet() {
		});
		context.addServletMappingDecoded("/", "default");
		this.tomcat.start();
		this.port = connector.getLocalPort();
	}

	@AfterEach
	void stop() throws Exception {
		this.tomcat.stop();
		this.tomcat.destroy();
	}

	@Test
	void aPingAfterTheResumeDeliversTheBufferedFrames() throws Exception {
		assertThat(receive(true)).isEqualTo(FRAMES);
	}

	/** @return how many frames were processed within 2 s after the resume */
	private int receive(boolean pingAfterResume) throws Exception {
		AtomicInteger received = new AtomicInteger();
		CountDownLatch all = new CountDownLatch(1);
		WsWebSocketContainer client = new WsWebSocketContainer();
		Session session = client.connectToServer(new Endpoint() {

			@Override
			public void onOpen(Session session, EndpointConfig config) {
				session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) (frame) -> {
					int n = received.incrementAndGet();
					if (n == 1) {
						// Let the whole burst reach the socket: the next read takes all of it.
						sleep(300);
					}
					if (n == SUSPEND_AT) {
						((WsSession) session).suspend();
						// Resumed from another thread while the read started after this buffer is pending.
						CompletableFuture.runAsync(() -> {
							sleep(100);
							((WsSession) session).resume();
							if (pingAfterResume) {
								try {
									session.getBasicRemote().sendPing(ByteBuffer.allocate(0));
								}
								catch (Exception ex) {
									throw new IllegalStateException(ex);
								}
							}
						});
					}
					if (n == FRAMES) {
						all.countDown();
					}
				});
			}

		}, ClientEndpointConfig.Builder.create().build(), URI.create("ws://127.0.0.1:" + this.port + "/burst"));
		try {
			all.await(2500, TimeUnit.MILLISECONDS);
			return received.get();
		}
		finally {
			session.close();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Sends {@link #FRAMES} small binary frames as soon as a client connects. */
	public static class Burst extends Endpoint {

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			try {
				for (int i = 0; i < FRAMES; i++) {
					session.getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[16]));
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
