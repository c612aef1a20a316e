package ai.mezon.light.sample.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.Attachment;

/**
 * One line of the conversation page, as sent to the browser (JSON).
 *
 * @param id the line's number, increasing; the server-sent event id, so a reconnecting browser
 * receives only the lines it missed
 * @param channelId the channel the message was in
 * @param messageId the message id the server gave it
 * @param replyTo the message this one answers, or {@code null}
 * @param sender who wrote it (user name)
 * @param fromBot whether the bot wrote it
 * @param text the text
 * @param time when the server created it (ISO-8601)
 * @param attachments the attached files
 */
public record ConversationLine(long id, String channelId, String messageId, @Nullable String replyTo, String sender,
		boolean fromBot, String text, String time, List<File> attachments) {

	public ConversationLine {
		attachments = List.copyOf(attachments);
	}

	/**
	 * An attached file.
	 *
	 * @param url its public URL (on the embedded server in demo mode: http on loopback)
	 * @param filename its name
	 * @param filetype its media type
	 * @param image whether the page can show it as an image
	 */
	public record File(String url, String filename, String filetype, boolean image) {

		static File of(Attachment attachment) {
			return new File(attachment.url(), attachment.filename(), attachment.filetype(),
					attachment.filetype().startsWith("image/"));
		}

	}

}
