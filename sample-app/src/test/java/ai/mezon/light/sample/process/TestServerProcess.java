package ai.mezon.light.sample.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.MezonTestServerMain;

/**
 * The standalone Mezon test server in its own JVM, on a fixed port, so it can be killed and
 * started again on the same port with its state gone, as a restarted Mezon server would be.
 */
final class TestServerProcess implements AutoCloseable {

	private final int port;

	private JavaProcess process;

	private TestServerProcess(int port) throws IOException {
		this.port = port;
		this.process = launch();
	}

	static TestServerProcess start() throws IOException {
		int port;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}
		return new TestServerProcess(port);
	}

	private JavaProcess launch() throws IOException {
		JavaProcess started = JavaProcess.start("mezon-test-server", MezonTestServerMain.class, List.of(),
				List.of("--port", Integer.toString(this.port)));
		started.awaitLine((line) -> line.contains(MezonTestServer.LISTENING_PREFIX), Duration.ofSeconds(30));
		return started;
	}

	String gatewayUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** {@code kill -9}: every socket drops, every token and channel is forgotten. */
	void kill() throws InterruptedException {
		this.process.kill();
	}

	/** Starts again on the same port, with nothing remembered. */
	void startAgain() throws IOException {
		this.process = launch();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.close();
	}

}
