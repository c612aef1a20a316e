package ai.mezon.light.internal.upload;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pixel size of an image to upload, read with {@code javax.imageio}; 0 x 0 for anything that
 * is not a readable image. Never fails: dimensions are a nicety, not a reason to refuse a file.
 *
 * @param width the width in pixels, 0 when unknown
 * @param height the height in pixels, 0 when unknown
 */
public record ImageSize(int width, int height) {

	private static final Logger logger = LoggerFactory.getLogger(ImageSize.class);

	/** No known dimensions. */
	public static final ImageSize UNKNOWN = new ImageSize(0, 0);

	/**
	 * @param bytes the file's content
	 * @param contentType its MIME type; only {@code image/*} types are read
	 * @return the dimensions, or {@link #UNKNOWN}
	 */
	public static ImageSize of(byte[] bytes, String contentType) {
		if (!contentType.toLowerCase(Locale.ROOT).startsWith("image/")) {
			return UNKNOWN;
		}
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
			return (image != null) ? new ImageSize(image.getWidth(), image.getHeight()) : UNKNOWN;
		}
		catch (IOException | RuntimeException | LinkageError ex) {
			// Corrupt images, or a runtime without working AWT: upload without dimensions.
			logger.debug("Could not read the dimensions of a {} image: {}", contentType, ex.toString());
			return UNKNOWN;
		}
	}

}
