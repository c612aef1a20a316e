package ai.mezon.light.sample.bot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Draws a cat face with Java2D and encodes it as PNG, so {@code /cat} needs no image file and no
 * network. Shapes only, no text: drawing text would need fonts, which a bare server may lack.
 */
public final class CatPicture {

	/** The width and height of the picture, in pixels. */
	public static final int SIZE = 256;

	/** The media type of {@link #png()}. */
	public static final String CONTENT_TYPE = "image/png";

	private static final Color BACKGROUND = new Color(0xE8F1FB);

	private static final Color FUR = new Color(0xF2A444);

	private static final Color DARK = new Color(0x3B2A1A);

	private static final Color PINK = new Color(0xF28B9B);

	private CatPicture() {
	}

	/**
	 * @return a new PNG of a cat face, {@link #SIZE} pixels square
	 */
	public static byte[] png() {
		BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		try {
			draw(g);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			// Writing to memory does not fail for I/O reasons.
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void draw(Graphics2D g) {
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(BACKGROUND);
		g.fillRect(0, 0, SIZE, SIZE);
		// Ears first, so the head covers their base.
		g.setColor(FUR);
		g.fillPolygon(new Polygon(new int[] { 40, 70, 112 }, new int[] { 120, 28, 78 }, 3));
		g.fillPolygon(new Polygon(new int[] { 216, 186, 144 }, new int[] { 120, 28, 78 }, 3));
		g.setColor(PINK);
		g.fillPolygon(new Polygon(new int[] { 60, 74, 100 }, new int[] { 104, 52, 82 }, 3));
		g.fillPolygon(new Polygon(new int[] { 196, 182, 156 }, new int[] { 104, 52, 82 }, 3));
		g.setColor(FUR);
		g.fill(new Ellipse2D.Double(32, 62, 192, 168));
		// Eyes with slit pupils.
		g.setColor(Color.WHITE);
		g.fill(new Ellipse2D.Double(76, 112, 36, 40));
		g.fill(new Ellipse2D.Double(144, 112, 36, 40));
		g.setColor(DARK);
		g.fill(new Ellipse2D.Double(88, 116, 12, 32));
		g.fill(new Ellipse2D.Double(156, 116, 12, 32));
		// Nose and mouth.
		g.setColor(PINK);
		g.fillPolygon(new Polygon(new int[] { 118, 138, 128 }, new int[] { 164, 164, 176 }, 3));
		g.setColor(DARK);
		g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new Arc2D.Double(108, 168, 20, 20, 180, 180, Arc2D.OPEN));
		g.draw(new Arc2D.Double(128, 168, 20, 20, 180, 180, Arc2D.OPEN));
		// Whiskers.
		g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		for (int i = -1; i <= 1; i++) {
			g.drawLine(100, 170 + 6 * i, 36, 164 + 14 * i);
			g.drawLine(156, 170 + 6 * i, 220, 164 + 14 * i);
		}
	}

}
