package ai.mezon.light.internal.upload;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class ImageSizeTests {

	@Test
	void readsTheSizeOfRealImagesFromBytesAndFiles(@TempDir Path dir) throws IOException {
		for (String format : new String[] { "png", "jpg", "gif", "bmp" }) {
			byte[] bytes = encode(format, 37, 21);
			Path file = Files.write(dir.resolve("image." + format), bytes);
			assertThat(ImageSize.of(bytes, "image/" + format)).as(format).isEqualTo(new ImageSize(37, 21));
			assertThat(ImageSize.of(file, "image/" + format)).as(format).isEqualTo(new ImageSize(37, 21));
		}
	}

	/**
	 * A PNG that is only a header claiming 40,000 x 30,000 pixels: decoding it would need some
	 * 4.8 GB and fails anyway (there are no pixels). Its size comes from the header alone.
	 */
	@Test
	void readsTheSizeFromTheHeaderWithoutDecodingThePixels(@TempDir Path dir) throws IOException {
		byte[] headerOnly = pngHeader(40_000, 30_000);
		assertThatException().as("decoding the whole image").isThrownBy(() -> ImageIO.read(
				new java.io.ByteArrayInputStream(headerOnly)));
		assertThat(ImageSize.of(headerOnly, "image/png")).isEqualTo(new ImageSize(40_000, 30_000));
		Path file = Files.write(dir.resolve("huge.png"), headerOnly);
		assertThat(ImageSize.of(file, "image/png")).isEqualTo(new ImageSize(40_000, 30_000));
	}

	@Test
	void anythingElseHasNoSize(@TempDir Path dir) throws IOException {
		assertThat(ImageSize.of(new byte[] { 1, 2, 3 }, "image/png")).isEqualTo(ImageSize.UNKNOWN);
		assertThat(ImageSize.of(new byte[0], "image/png")).isEqualTo(ImageSize.UNKNOWN);
		// Only image types are looked at, whatever the bytes.
		assertThat(ImageSize.of(encode("png", 5, 5), "application/octet-stream")).isEqualTo(ImageSize.UNKNOWN);
		assertThat(ImageSize.of(dir.resolve("missing.png"), "image/png")).isEqualTo(ImageSize.UNKNOWN);
		Path truncated = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(pngHeader(10, 10), 20));
		assertThat(ImageSize.of(truncated, "image/png")).isEqualTo(ImageSize.UNKNOWN);
	}

	private static byte[] encode(String format, int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out)).isTrue();
		return out.toByteArray();
	}

	/** The PNG signature and an IHDR chunk (8-bit RGB), nothing else. */
	private static byte[] pngHeader(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(17);
		ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
		ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		CRC32 crc = new CRC32();
		crc.update(ihdr.array());
		return ByteBuffer.allocate(8 + 4 + 17 + 4)
			.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' })
			.putInt(13)
			.put(ihdr.array())
			.putInt((int) crc.getValue())
			.array();
	}

}
