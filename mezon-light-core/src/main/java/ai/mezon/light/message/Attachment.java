package ai.mezon.light.message;

import org.jspecify.annotations.Nullable;

/**
 * A file attached to a message.
 *
 * @param url the public (CDN) URL, without any presigning query
 * @param filename the file name
 * @param filetype the MIME type, e.g. {@code image/png}
 * @param size the size in bytes
 * @param width the image width in pixels, 0 when unknown or not an image
 * @param height the image height in pixels, 0 when unknown or not an image
 * @param thumbnail a thumbnail URL, or {@code null}
 * @param duration the duration in seconds of audio or video, 0 otherwise
 */
public record Attachment(String url, String filename, String filetype, long size, int width, int height,
		@Nullable String thumbnail, int duration) {

	/**
	 * An attachment without image dimensions, thumbnail or duration.
	 * @param url the public URL
	 * @param filename the file name
	 * @param filetype the MIME type
	 * @param size the size in bytes
	 * @return the attachment
	 */
	public static Attachment of(String url, String filename, String filetype, long size) {
		return new Attachment(url, filename, filetype, size, 0, 0, null, 0);
	}

}
