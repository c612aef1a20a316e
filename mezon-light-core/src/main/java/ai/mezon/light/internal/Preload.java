package ai.mezon.light.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.mezon.light.internal.rest.RestPreload;
import ai.mezon.light.internal.socket.SocketPreload;

/**
 * Not API. Does ahead of time, on the caller's thread, the first-time initialisation that a
 * client's first sign-in and its socket's first connect would otherwise pay for on the thread that
 * starts the application, measured in a cold JVM at some 250 ms of a 2-core machine (mostly class
 * loading):
 * <ul>
 * <li>the default {@link SSLContext} (the trust store: over 100 ms), which the JDK
 * {@code HttpClient} loads even for {@code http://} URLs;</li>
 * <li>the socket's shared JDK {@code HttpClient} and the protobuf envelope's classes
 * ({@link SocketPreload});</li>
 * <li>the REST client's classes, on a call that is never sent ({@link RestPreload}).</li>
 * </ul>
 * Not the content mappers (~90 ms cold): the first message pays for them, not start-up, and on a
 * machine with few cores every step here competes with start-up for CPU.
 * Each step is a few entry points of the SDK's own, not a list of classes: what they load follows
 * the code. None opens a connection or starts a thread that lives on, except the socket's shared
 * client (its selector thread), which the first socket would build anyway; an application that never
 * connects a socket gets it too.
 *
 * <p>Called by the Spring Boot starter's {@code MezonPreloader}, on its
 * {@code mezon-preload} thread. {@link #run()} never throws (a step that fails is logged at
 * DEBUG and the next one runs: the real call will then meet the same failure and report it), runs
 * its steps once per class loader (a later call returns at once) and is safe while clients sign in
 * and connect on other threads: every step either initialises classes, which the JVM does once
 * under its own lock, or builds throw-away objects that share nothing with real clients.
 */
public final class Preload {

	private static final Logger logger = LoggerFactory.getLogger(Preload.class);

	private static final AtomicBoolean started = new AtomicBoolean();

	private Preload() {
	}

	/** Runs the steps, the first time it is called; never throws. */
	public static void run() {
		if (!started.compareAndSet(false, true)) {
			return;
		}
		step("TLS", SSLContext::getDefault);
		step("socket", SocketPreload::run);
		step("REST", RestPreload::run);
	}

	private static void step(String name, Step step) {
		long start = System.nanoTime();
		try {
			step.run();
			logger.debug("Preloaded {} in {} ms", name, (System.nanoTime() - start) / 1_000_000);
		}
		catch (LinkageError ex) {
			// A class whose initialisation failed here stays unusable, and the real call later gets
			// only "Could not initialize class ...": the cause must be in the log.
			logger.warn("Preloading {} failed; the Mezon client will fail where it needs it", name, ex);
		}
		catch (Throwable ex) {
			// Only start-up time is at stake here: the real call meets the same failure and reports it.
			logger.debug("Preloading {} failed", name, ex);
		}
	}

	@FunctionalInterface
	private interface Step {

		void run() throws Exception;

	}

}
