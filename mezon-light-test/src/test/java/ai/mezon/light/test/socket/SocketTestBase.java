package ai.mezon.light.test.socket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.MezonTestServerExtension;

/**
 * What every socket integration test sets up: one test server per class (the kit's
 * {@link MezonTestServerExtension}; {@link #server} is the running one), and a
 * {@link SocketTestSupport} per test that closes the sockets the test opened. Test classes run one
 * after another, so the extension in this shared static field serves each class in turn.
 */
abstract class SocketTestBase {

	static MezonTestServer server;

	SocketTestSupport support;

	/** Starts the server before the class's tests and closes it after them. */
	@RegisterExtension
	static final MezonTestServerExtension mezon = new MezonTestServerExtension();

	@BeforeAll
	static void server() {
		server = mezon.get();
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
