package ai.mezon.light.sample.demo;

import ai.mezon.light.Secrets;
import ai.mezon.light.autoconfigure.MezonConnectionDetails;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.TestUser;

/**
 * Points the auto-configured client at the embedded server, signed in as the bot user. Being a
 * {@link MezonConnectionDetails} bean, it replaces the {@code mezon.*} credentials; the rest of
 * the {@code mezon.*} properties (timeouts, socket, events) still apply.
 */
final class DemoConnectionDetails implements MezonConnectionDetails {

	private final MezonTestServer server;

	private final TestUser bot;

	DemoConnectionDetails(MezonTestServer server, TestUser bot) {
		this.server = server;
		this.bot = bot;
	}

	TestUser bot() {
		return this.bot;
	}

	@Override
	public String getGatewayUrl() {
		return this.server.baseUrl();
	}

	@Override
	public String getServerKey() {
		return this.server.serverKey();
	}

	/** The embedded server accepts any non-blank id token. */
	@Override
	public String getIdToken() {
		return MezonTestServer.TEST_ID_TOKEN;
	}

	@Override
	public String getUserId() {
		return this.bot.idString();
	}

	@Override
	public String getUsername() {
		return this.bot.username();
	}

	@Override
	public String toString() {
		return "DemoConnectionDetails[gatewayUrl=" + getGatewayUrl() + ", idToken=" + Secrets.mask(getIdToken())
				+ ", userId=" + getUserId() + ", username=" + getUsername() + "]";
	}

}
