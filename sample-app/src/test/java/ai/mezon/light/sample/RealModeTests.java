package ai.mezon.light.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.sample.demo.DemoConfiguration;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.MezonTestServerExtension;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application started with real-mode credentials, as a user would start it against Mezon;
 * a separately started test server stands in for Mezon, and another SDK client for a person.
 */
@ExtendWith(OutputCaptureExtension.class)
class RealModeTests {

	@RegisterExtension
	static final MezonTestServerExtension mezon = new MezonTestServerExtension();

	@Test
	void answersADmFromAnotherClient(CapturedOutput output) throws Exception {
		MezonTestServer server = mezon.get();
		TestUser botUser = server.createUser("real-bot");
		// Closed before the server (which the extension stops after the class).
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class).run(
				"--server.port=0", "--mezon.gateway-url=" + server.baseUrl(),
				"--mezon.id-token=" + MezonTestServer.TEST_ID_TOKEN, "--mezon.user-id=" + botUser.idString(),
				"--mezon.username=" + botUser.username())) {
			// Nothing of demo mode: no embedded server, no visitor.
			assertThat(app.getBeansOfType(DemoConfiguration.class)).isEmpty();
			assertThat(app.getBeansOfType(MezonTestServer.class)).isEmpty();
			LightSocket botSocket = app.getBean(LightSocket.class);

			TestUser aliceUser = server.createUser("alice");
			LightClient alice = LightClient.authenticate(
					server.authenticateConfig(aliceUser.idString(), aliceUser.username()), server.clientOptions());
			List<ChannelMessage> received = new CopyOnWriteArrayList<>();
			try (LightSocket socket = alice.createSocket()) {
				socket.onChannelMessage(received::add);
				socket.connect().get(10, TimeUnit.SECONDS);
				String dm = alice.createDM(botUser.idString()).channelId();
				socket.joinDMChannel(dm).get(10, TimeUnit.SECONDS);
				// The server announces the DM to the bot, which joins it by itself.
				await().atMost(SampleHttp.WAIT).until(() -> botSocket.getJoinedChannels().contains(dm));
				socket.sendDM(OutgoingMessage.text(dm, "hello from alice")).get(10, TimeUnit.SECONDS);
				await().atMost(SampleHttp.WAIT)
					.until(() -> received.stream()
						.anyMatch((message) -> message.senderId().equals(botUser.idString())
								&& message.text().equals("echo: hello from alice")));
			}

			// The page shows the bot's traffic but cannot write as anyone.
			SampleHttp http = new SampleHttp(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
			assertThat(http.info().demo()).isFalse();
			assertThat(http.lines()).extracting((line) -> line.text())
				.contains("hello from alice", "echo: hello from alice");
			assertThat(http.postAsVisitor("hi").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

			// Connection changes are logged; no token is.
			LightClient bot = app.getBean(LightClient.class);
			assertThat(output).contains("Mezon connection CONNECTING -> CONNECTED")
				.doesNotContain(bot.getToken())
				.doesNotContain(bot.getSession().getRefreshToken())
				.doesNotContain(alice.getToken())
				.doesNotContain(MezonTestServer.TEST_ID_TOKEN);
		}
	}

	@Test
	void listensOnLoopbackOnlyUnlessAnAddressIsSet(CapturedOutput output) throws Exception {
		MezonTestServer server = mezon.get();
		TestUser botUser = server.createUser("private-bot");
		String[] realMode = { "--server.port=0", "--mezon.gateway-url=" + server.baseUrl(),
				"--mezon.id-token=" + MezonTestServer.TEST_ID_TOKEN, "--mezon.user-id=" + botUser.idString(),
				"--mezon.username=" + botUser.username(), "--mezon.socket.auto-connect=false" };
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class).run(realMode)) {
			assertThat(boundAddress(app)).isEqualTo(InetAddress.getLoopbackAddress());
			assertThat(output).contains("Real mode: the conversation page listens on 127.0.0.1 only");
			int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			// Reachable from this machine...
			assertThat(new SampleHttp(port).lines()).isNotNull();
			// ...but not on the machine's other addresses.
			for (InetAddress other : nonLoopbackAddresses()) {
				assertThat(accepts(other, port)).as(other.toString()).isFalse();
			}
		}
		// server.address set: the user's explicit choice wins.
		String[] exposed = Arrays.copyOf(realMode, realMode.length + 1);
		exposed[realMode.length] = "--server.address=0.0.0.0";
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class).run(exposed)) {
			assertThat(boundAddress(app).isAnyLocalAddress()).isTrue();
		}
	}

	private static InetAddress boundAddress(ConfigurableApplicationContext app) {
		WebServer webServer = ((WebServerApplicationContext) app).getWebServer();
		return (InetAddress) ((TomcatWebServer) webServer).getTomcat().getConnector().getProperty("address");
	}

	private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
		return NetworkInterface.networkInterfaces()
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
			.toList();
	}

	private static boolean accepts(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 2000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
