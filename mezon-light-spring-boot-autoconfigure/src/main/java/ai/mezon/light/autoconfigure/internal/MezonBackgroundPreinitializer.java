package ai.mezon.light.autoconfigure.internal;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;

import ai.mezon.light.internal.Preload;

/**
 * Moves the SDK's first-time initialisation off the thread that starts the application: the
 * default {@code SSLContext}, the JDK {@code HttpClient} the sockets share, the REST client's and
 * the protobuf envelope's classes and the content mappers ({@link Preload}). In a cold JVM the
 * {@code LightClient} bean's sign-in and the socket's first connect otherwise pay some 250 ms for
 * them on the main thread, against some 40 ms for the round trips themselves.
 *
 * <p>Boot runs every {@link BackgroundPreinitializer} on its {@code background-preinit} thread
 * from the moment the environment is prepared, so this overlaps with the rest of start-up; the
 * bean that signs in meets classes already loaded, or waits for the class being initialised. Like
 * Boot's own, it is off when the system property {@code spring.backgroundpreinitializer.ignore} is
 * {@code true} and on single-CPU machines; nothing is lost then but the overlap. It sees no
 * environment, so it also runs when {@code mezon.enabled=false}: the cost there is CPU on the
 * background thread and the shared client's idle selector thread.
 */
final class MezonBackgroundPreinitializer implements BackgroundPreinitializer {

	@Override
	public void preinitialize() {
		Preload.run();
	}

}
