package ai.mezon.light.message;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import ai.mezon.light.SocketListener;
import ai.mezon.light.internal.content.ContentCodec;

/**
 * A message on a joined channel was edited by its author: a pushed {@code channel_message} with
 * code 1 (what Mezon servers, and the test server, send) or a pushed {@code channel_message_update}.
 * Delivered to {@link SocketListener#onMessageEdited}, never to the new-message handlers.
 *
 * @param channelId the channel id
 * @param messageId the edited message's id
 * @param senderId the author's user id, or {@code ""} when the server did not say (a
 * {@code channel_message_update} carries no sender)
 * @param username the author's user name, possibly empty
 * @param channelType DM or group, or {@code null} for a stream mode this client does not speak
 * @param mode the raw stream mode (4 DM, 3 group)
 * @param rawContent the new content string as it came off the wire
 * @param content the new content parsed as JSON (like {@link ChannelMessage#content()})
 * @param mentions the new mentions
 * @param attachments the new attachments
 * @param hideEdited whether the author asked clients not to mark the message as edited
 * @param updateTime when it was edited (second precision; the epoch when the server did not say)
 */
public record MessageEdit(String channelId, String messageId, String senderId, String username,
		@Nullable ChannelType channelType, int mode, String rawContent, JsonNode content, List<Mention> mentions,
		List<Attachment> attachments, boolean hideEdited, Instant updateTime) {

	public MessageEdit {
		mentions = List.copyOf(mentions);
		attachments = List.copyOf(attachments);
	}

	/** @return the new text: the content's {@code t} field when it is a string, else the raw content */
	public String text() {
		return ContentCodec.text(this.content, this.rawContent);
	}

}
