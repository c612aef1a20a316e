package ai.mezon.light.internal.upload;

import java.io.IOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Guesses the MIME type of a file to upload from its name (and, for a path, what the platform's
 * file type detectors say).
 */
public final class ContentTypes {

	/** What a file of unknown type is sent as. */
	public static final String FALLBACK = "application/octet-stream";

	private ContentTypes() {
	}

	/**
	 * @param file a file
	 * @return its MIME type: the platform's detectors first, then the file name, else
	 * {@value #FALLBACK}
	 */
	public static String probe(Path file) {
		String type = null;
		try {
			type = Files.probeContentType(file);
		}
		catch (IOException | SecurityException ex) {
			// Detection is best effort: fall back to the name.
		}
		if (type != null && !type.isBlank()) {
			return type;
		}
		Path name = file.getFileName();
		return guess((name != null) ? name.toString() : "");
	}

	/**
	 * @param filename a file name
	 * @return its MIME type from the extension, else {@value #FALLBACK}
	 */
	public static String guess(@Nullable String filename) {
		String type = (filename != null) ? URLConnection.guessContentTypeFromName(filename) : null;
		return (type != null && !type.isBlank()) ? type : FALLBACK;
	}

}
