package ai.mezon.light.sample.bot;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ai.mezon.light.MezonException;
import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.sample.web.Conversation;
import ai.mezon.light.spring.MezonChannelAddedEvent;
import ai.mezon.light.spring.MezonConnectionStateChangedEvent;
import ai.mezon.light.spring.MezonMessageReceivedEvent;
import ai.mezon.light.spring.MezonTemplate;

/**
 * The bot: answers every message others write in a channel it joined (DMs, group DMs) with
 * {@link BotCommands}, and records both sides on the {@link Conversation} page.
 *
 * <p>Listeners run on the socket's dispatch threads, one message at a time per channel, so
 * blocking here (the {@code /cat} upload) delays only that channel.
 */
@Component
public class EchoBot {

	private static final Logger logger = LoggerFactory.getLogger(EchoBot.class);

	private static final String CAT_FILENAME = "cat.png";

	private final BotCommands commands;

	private final MezonTemplate mezon;

	private final Conversation conversation;

	/**
	 * @param commands what to answer
	 * @param mezon sends and uploads
	 * @param conversation where the page reads from
	 */
	public EchoBot(BotCommands commands, MezonTemplate mezon, Conversation conversation) {
		this.commands = commands;
		this.mezon = mezon;
		this.conversation = conversation;
	}

	/**
	 * Answers a message. The bot's own messages are not published by default; the check keeps
	 * the bot from answering itself when {@code mezon.events.include-own-messages} is on.
	 * @param event the message received
	 */
	@EventListener
	public void onMessage(MezonMessageReceivedEvent event) {
		ChannelMessage message = event.getMessage();
		if (event.isFromSelf() || message.code() != 0) {
			return;
		}
		this.conversation.received(message);
		BotReply reply = this.commands.answer(event.getText());
		switch (reply.kind()) {
			case TEXT -> send(event, reply.text(), List.of());
			case CAT -> sendCat(event, reply.text());
			case NONE -> {
			}
		}
	}

	/**
	 * Logs connection changes at INFO: the first thing to look at when the bot goes quiet.
	 * @param event the change
	 */
	@EventListener
	public void onConnectionStateChanged(MezonConnectionStateChangedEvent event) {
		logger.info("Mezon connection {} -> {}", event.getPreviousState(), event.getState());
	}

	/**
	 * Logs the channels the bot is added to (it joins them by itself: auto-join is on by default).
	 * @param event the channel added
	 */
	@EventListener
	public void onChannelAdded(MezonChannelAddedEvent event) {
		logger.info("Added to Mezon {} channel {} (joined: {})", event.getChannelAdded().channelType(),
				event.getChannelId(), event.getChannelAdded().joined());
	}

	private void sendCat(MezonMessageReceivedEvent event, String caption) {
		Attachment cat;
		try {
			// One call: presign, PUT the bytes, and get the attachment with its public URL.
			cat = this.mezon.uploadFile(CatPicture.png(), CAT_FILENAME, CatPicture.CONTENT_TYPE);
		}
		catch (MezonException ex) {
			// Say so rather than stay silent: the person asked for something.
			logger.warn("Could not upload the cat picture: {}", ex.getMessage());
			send(event, "The cat ran away (the upload failed). Try again later.", List.of());
			return;
		}
		send(event, caption, List.of(cat));
	}

	private void send(MezonMessageReceivedEvent event, String text, List<Attachment> attachments) {
		ChannelMessage original = event.getMessage();
		OutgoingMessage reply = OutgoingMessage.text(original.channelId(), text)
			.withAttachments(attachments)
			.replyTo(original);
		event.reply(reply).whenComplete((ack, ex) -> {
			if (ex != null) {
				logger.warn("Could not answer message {} in channel {}: {}", original.messageId(),
						original.channelId(), ex.toString());
			}
			else {
				this.conversation.sent(ack, original.messageId(), text, attachments);
			}
		});
	}

}
