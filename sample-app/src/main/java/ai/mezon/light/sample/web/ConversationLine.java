package ai.mezon.light.sample.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.message.Attachment;

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
	 * An attached file. Only {@code http} and {@code https} URLs are passed on as {@code url}: a
	 * file's URL comes from whoever sent the message, and one such as {@code javascript:...} or
	 * {@code data:...} would run or render in the browser of whoever clicks it. Any other URL is
	 * neutralised: {@code url} is {@code null} and the original is in {@code blockedUrl}, as text
	 * to show, never to link.
	 *
	 * @param url its public URL when it is {@code http} or {@code https} (on the embedded server
	 * in demo mode: http on loopback), else {@code null}
	 * @param blockedUrl the URL that was withheld from {@code url}, or {@code null}
	 * @param filename its name
	 * @param filetype its media type
	 * @param image whether the page can show it as an image (an image type with a safe URL)
	 */
	public record File(@Nullable String url, @Nullable String blockedUrl, String filename, String filetype,
			boolean image) {

		static File of(Attachment attachment) {
			String url = attachment.url();
			boolean safe = isWebUrl(url);
			return new File(safe ? url : null, safe ? null : url, attachment.filename(), attachment.filetype(),
					safe && attachment.filetype().startsWith("image/"));
		}

		/**
		 * Whether a URL is an absolute {@code http} or {@code https} URL with a host: the only kind
		 * the page links to or loads.
		 * @param url the URL
		 * @return whether it is safe to link
		 */
		static boolean isWebUrl(String url) {
			try {
				URI uri = new URI(url);
				String scheme = uri.getScheme();
				return scheme != null
						&& (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
						&& uri.getHost() != null;
			}
			catch (URISyntaxException ex) {
				return false;
			}
		}

	}

}
