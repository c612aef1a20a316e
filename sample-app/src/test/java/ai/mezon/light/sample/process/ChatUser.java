package ai.mezon.light.sample.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import ai.mezon.light.AuthenticateConfig;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.MezonChannel;

/**
 * A person chatting with the bot, in the test's JVM (the bot runs in another): signs in at the
 * gateway, opens a DM with the bot and keeps what the bot writes there.
 */
final class ChatUser implements AutoCloseable {

	private final LightClient client;

	private final LightSocket socket;

	private final String channelId;

	private final List<String> fromBot = new CopyOnWriteArrayList<>();

	private ChatUser(LightClient client, LightSocket socket, String channelId) {
		this.client = client;
		this.socket = socket;
		this.channelId = channelId;
	}

	/**
	 * Signs in and opens a DM with the bot.
	 * @param gatewayUrl the test server
	 * @param userId this user's id
	 * @param botId the bot's user id
	 * @return the user, in the DM
	 */
	static ChatUser openDm(String gatewayUrl, String userId, String botId) {
		LightClient client = LightClient.authenticate(new AuthenticateConfig("user-id-token", userId,
				"user-" + userId, gatewayUrl, AuthenticateConfig.DEFAULT_SERVER_KEY));
		MezonChannel dm = client.createDM(botId);
		LightSocket socket = client.createSocket();
		ChatUser user = new ChatUser(client, socket, dm.channelId());
		socket.onChannelMessage((message) -> user.received(message, botId));
		socket.connect().orTimeout(10, TimeUnit.SECONDS).join();
		socket.joinDMChannel(dm.channelId()).orTimeout(10, TimeUnit.SECONDS).join();
		return user;
	}

	private void received(ChannelMessage message, String botId) {
		if (message.senderId().equals(botId)) {
			this.fromBot.add(message.text());
		}
	}

	void say(String text) {
		this.socket.sendDM(this.channelId, text).orTimeout(10, TimeUnit.SECONDS).join();
	}

	/** @return what the bot wrote in the DM so far, in order */
	List<String> fromBot() {
		return List.copyOf(this.fromBot);
	}

	String channelId() {
		return this.channelId;
	}

	Duration since(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos);
	}

	@Override
	public void close() {
		this.socket.disconnect();
	}

}
