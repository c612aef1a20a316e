package ai.mezon.light;

import ai.mezon.light.message.MessageContent;

/**
 * Message content that Mezon cannot carry, refused when the {@link MessageContent} is made, so
 * before anything is sent: text holding a lone UTF-16 surrogate (half of a character outside the
 * Basic Multilingual Plane, which the wire's UTF-8 would silently turn into {@code ?}), or
 * content over the length limit ({@link MezonContentTooLongException}).
 *
 * <p>An {@link IllegalArgumentException}: it is the caller's input that is wrong, and sending it
 * again cannot succeed. The message names the problem and where it is, never the content itself.
 */
public class MezonInvalidContentException extends IllegalArgumentException {

	/**
	 * @param message what is wrong with the content, without quoting it
	 */
	public MezonInvalidContentException(String message) {
		super(message);
	}

}
