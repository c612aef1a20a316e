package ai.mezon.light.test.socket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import ai.mezon.light.test.MezonTestServer;

/**
 * What every socket integration test sets up: one test server per class, and a
 * {@link SocketTestSupport} per test that closes the sockets the test opened.
 */
abstract class SocketTestBase {

	static MezonTestServer server;

	SocketTestSupport support;

	@BeforeAll
	static void startServer() {
		server = MezonTestServer.builder().build().start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void openSupport() {
		this.support = new SocketTestSupport(server);
	}

	@AfterEach
	void closeSupport() {
		this.support.close();
	}

}
