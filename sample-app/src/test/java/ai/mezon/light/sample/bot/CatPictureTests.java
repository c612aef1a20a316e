package ai.mezon.light.sample.bot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CatPicture}.
 */
class CatPictureTests {

	@Test
	void isASquarePngWithMoreThanTheBackground() throws IOException {
		byte[] png = CatPicture.png();
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(CatPicture.SIZE);
		assertThat(image.getHeight()).isEqualTo(CatPicture.SIZE);
		// The corner is background, the middle is fur: something was drawn.
		assertThat(image.getRGB(128, 100)).isNotEqualTo(image.getRGB(2, 2));
	}

}
