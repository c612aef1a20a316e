package ai.mezon.light.test.internal;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Quiets embedded Tomcat's INFO chatter (java.util.logging) for every server in this JVM: warnings
 * and errors still show.
 */
public final class TomcatLogging {

	/** Held strongly: java.util.logging forgets the level of loggers nobody references. */
	private static final List<Logger> QUIETED = List.of(Logger.getLogger("org.apache.catalina"),
			Logger.getLogger("org.apache.coyote"), Logger.getLogger("org.apache.tomcat"));

	private TomcatLogging() {
	}

	/** Raises Tomcat's loggers to {@code WARNING}. Idempotent. */
	public static void quiet() {
		QUIETED.forEach((logger) -> logger.setLevel(Level.WARNING));
	}

}
