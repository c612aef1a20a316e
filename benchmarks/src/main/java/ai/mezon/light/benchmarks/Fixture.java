package ai.mezon.light.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ai.mezon.light.ClientInitConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;
import ai.mezon.light.LightSocket;
import ai.mezon.light.SocketOptions;
import ai.mezon.light.codec.MessageContents;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;

/**
 * What every scenario shares: the in-process test server (recording no traffic, so its heap stays
 * flat), the benchmarked user, a simulated sender, one DM and 100 group channels between them.
 */
final class Fixture implements AutoCloseable {

	/** The text every injected and sent message carries, as its content JSON. */
	static final String CONTENT = MessageContents.ofText("Hello from the load harness, a short chat line");

	final MezonTestServer server;

	final TestUser self;

	final TestUser sender;

	final TestChannel dm;

	final List<TestChannel> groups = new ArrayList<>();

	Fixture() {
		this.server = MezonTestServer.builder().recordTraffic(false).build().start();
		this.self = this.server.createUser("bench");
		this.sender = this.server.createUser("sender");
		this.dm = this.server.createDm(this.self, this.sender);
		for (int i = 0; i < 100; i++) {
			this.groups.add(this.server.createGroup(this.self, "group-" + i, this.sender));
		}
	}

	/**
	 * Options of every SDK socket here: defaults, except a 30 s request timeout for deep pipelines
	 * and no send throttle (on by default at 80 a second): the figures are the SDK's own cost.
	 */
	static SocketOptions.Builder socketOptions() {
		return SocketOptions.builder().requestTimeout(Duration.ofSeconds(30)).sendRate(0);
	}

	LightClient client(TestUser user) {
		LightClientOptions options = LightClientOptions.builder().clock(this.server.clock()).build();
		return LightClient.initClient(ClientInitConfig.from(this.server.issueSession(user)), options);
	}

	/** @return a connected SDK socket of the benchmarked user */
	LightSocket socket(SocketOptions options) {
		LightSocket socket = client(this.self).createSocket(options);
		socket.connect().orTimeout(10, TimeUnit.SECONDS).join();
		return socket;
	}

	/** @return a connected raw client of the benchmarked user */
	RawClient raw() throws Exception {
		return RawClient.connect(this.server.issueSession(this.self));
	}

	@Override
	public void close() {
		this.server.close();
	}

}
