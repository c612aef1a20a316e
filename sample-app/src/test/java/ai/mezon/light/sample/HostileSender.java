package ai.mezon.light.sample;

import java.util.List;
import java.util.concurrent.TimeUnit;

import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.TestUser;

import static org.awaitility.Awaitility.await;

/**
 * Someone else on the embedded server who DMs the bot a message with attachments whose URLs no
 * page should link: {@code javascript:}, {@code data:}, and one ordinary {@code https} file.
 */
final class HostileSender {

	static final String SCRIPT_URL = "javascript:alert(document.domain)";

	static final String DATA_URL = "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+";

	static final String SAFE_URL = "https://cdn.example/report.pdf";

	private HostileSender() {
	}

	/**
	 * Sends {@code text} with the three attachments to the bot in a new DM, once the bot joined it.
	 * @param server the embedded server
	 * @param botUserId the bot's user id
	 * @param botSocket the bot's socket (to wait for its join)
	 * @param text the text of the message
	 */
	static void send(MezonTestServer server, String botUserId, LightSocket botSocket, String text) throws Exception {
		TestUser mallory = server.createUser("mallory-" + System.nanoTime());
		LightClient client = LightClient.authenticate(server.authenticateConfig(mallory.idString(), mallory.username()),
				server.clientOptions());
		try (LightSocket socket = client.createSocket()) {
			socket.connect().get(10, TimeUnit.SECONDS);
			String dm = client.createDM(botUserId).channelId();
			socket.joinDMChannel(dm).get(10, TimeUnit.SECONDS);
			await().atMost(SampleHttp.WAIT).until(() -> botSocket.getJoinedChannels().contains(dm));
			socket.sendDM(OutgoingMessage.text(dm, text).withAttachments(List.of(
					Attachment.of(SCRIPT_URL, "click-me.html", "text/html", 10),
					Attachment.of(DATA_URL, "pixel.svg", "image/svg+xml", 10),
					Attachment.of(SAFE_URL, "report.pdf", "application/pdf", 10))))
				.get(10, TimeUnit.SECONDS);
		}
	}

}
