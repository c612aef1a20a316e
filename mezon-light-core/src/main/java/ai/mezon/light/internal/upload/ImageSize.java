package ai.mezon.light.internal.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pixel size of an image to upload, read from the image's header with a {@code javax.imageio}
 * {@link ImageReader} ({@link ImageReader#getWidth(int)} and {@link ImageReader#getHeight(int)}):
 * the pixels are never decoded, so a large or hostile image costs neither time nor memory. 0 x 0
 * for anything that is not a readable image. Never fails: dimensions are a nicety, not a reason to
 * refuse a file.
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
		// A memory cache, not ImageIO's default file cache: the bytes are in memory already.
		return read(contentType, () -> new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
	}

	/**
	 * @param file the file, read only as far as its header
	 * @param contentType its MIME type; only {@code image/*} types are read
	 * @return the dimensions, or {@link #UNKNOWN}
	 */
	public static ImageSize of(Path file, String contentType) {
		// A File, not a stream: ImageIO then reads it through a RandomAccessFile, with no cache
		// of what it read.
		return read(contentType, () -> ImageIO.createImageInputStream(file.toFile()));
	}

	private static ImageSize read(String contentType, Source source) {
		if (!contentType.toLowerCase(Locale.ROOT).startsWith("image/")) {
			return UNKNOWN;
		}
		try (ImageInputStream input = source.open()) {
			if (input == null) {
				return UNKNOWN;
			}
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				return UNKNOWN;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				return (width > 0 && height > 0) ? new ImageSize(width, height) : UNKNOWN;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException | LinkageError ex) {
			// Corrupt images, or a runtime without working AWT: upload without dimensions.
			logger.debug("Could not read the dimensions of a {} image: {}", contentType, ex.toString());
			return UNKNOWN;
		}
	}

	@FunctionalInterface
	private interface Source {

		@Nullable ImageInputStream open() throws IOException;

	}

}
