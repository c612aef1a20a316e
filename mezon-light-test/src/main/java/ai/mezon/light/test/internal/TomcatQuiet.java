package ai.mezon.light.test.internal;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.catalina.Context;
import org.apache.catalina.core.StandardContext;

/**
 * Keeps embedded Tomcat quiet in tests and the standalone server: its INFO chatter
 * (java.util.logging) and the class-loader leak checks it runs on every stop, which only make
 * sense for redeployed web applications and warn about JVM flags on each of them.
 */
public final class TomcatQuiet {

	/** Held strongly: java.util.logging forgets the level of loggers nobody references. */
	private static final List<Logger> QUIETED = List.of(Logger.getLogger("org.apache.catalina"),
			Logger.getLogger("org.apache.coyote"), Logger.getLogger("org.apache.tomcat"));

	private TomcatQuiet() {
	}

	/** Raises Tomcat's loggers to {@code WARNING}, JVM-wide. Idempotent. */
	public static void logging() {
		QUIETED.forEach((logger) -> logger.setLevel(Level.WARNING));
	}

	/**
	 * Turns off the leak checks a context runs when it stops.
	 * @param context the server's context
	 */
	public static void context(Context context) {
		if (context instanceof StandardContext standard) {
			standard.setClearReferencesRmiTargets(false);
			standard.setClearReferencesThreadLocals(false);
		}
	}

}
