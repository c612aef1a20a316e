package ai.mezon.light.autoconfigure.internal;

import java.util.List;
import java.util.concurrent.Executor;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

import ai.mezon.light.autoconfigure.MezonAutoConfiguration;
import ai.mezon.light.internal.Preload;

/**
 * Moves the SDK's first-time initialisation off the thread that starts the application: the
 * default {@code SSLContext}, the JDK {@code HttpClient} the sockets share, the REST client's and
 * the protobuf envelope's classes ({@link Preload}). In a cold JVM the {@code LightClient} bean's
 * sign-in and the socket's first connect otherwise pay some 250 ms for them on the main thread,
 * against some 40 ms for the round trips themselves (BENCHMARKS.md, issue #15).
 *
 * <p>Runs once the environment is prepared, on a daemon thread ({@code mezon-preload}), so it
 * overlaps with the rest of start-up; the bean that signs in meets classes already loaded, or
 * waits for the one being initialised. Not a Boot {@code BackgroundPreinitializer}: those see no
 * environment and Boot waits for them before the application is ready, so an application with
 * Mezon disabled or excluded would pay for it too (measured: +200 ms to such an application on 2
 * cores). Here nothing runs unless {@code mezon.enabled} is missing or {@code true} (as the
 * auto-configuration's condition reads it), when the auto-configuration is in the
 * {@code spring.autoconfigure.exclude} property (an {@code exclude} on an annotation is not seen
 * here: the preload then runs for nothing, once), on single-CPU machines, or when the system property
 * {@code spring.backgroundpreinitializer.ignore} is {@code true} (Boot's own switch for this kind
 * of work); nothing is lost then but the overlap.
 *
 * <p>The preload initialises the JVM's default {@code SSLContext}: {@code javax.net.ssl.*} system
 * properties must be set before {@code SpringApplication.run} (as they must before any TLS use), not
 * in a bean or an initializer.
 */
public final class MezonPreloader implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	/** Boot's switch for background initialisation at start-up, honoured here too. */
	static final String IGNORE_PROPERTY = "spring.backgroundpreinitializer.ignore";

	private final Executor starter;

	private final int processors;

	private final Runnable preload;

	/** Used by Spring Boot (registered in {@code META-INF/spring.factories}). */
	public MezonPreloader() {
		this(MezonPreloader::startDaemon, Runtime.getRuntime().availableProcessors(), Preload::run);
	}

	MezonPreloader(Executor starter, int processors, Runnable preload) {
		this.starter = starter;
		this.processors = processors;
		this.preload = preload;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if (wanted(event.getEnvironment())) {
			this.starter.execute(this.preload);
		}
	}

	private boolean wanted(ConfigurableEnvironment environment) {
		if (this.processors <= 1 || Boolean.getBoolean(IGNORE_PROPERTY)) {
			return false;
		}
		// As MezonAutoConfiguration's condition reads it: missing or "true" (any case) is on. Read as
		// text: a value that is not a boolean turns Mezon off there and must not fail start-up here.
		String enabled = environment.getProperty("mezon.enabled");
		if (enabled != null && !enabled.equalsIgnoreCase("true")) {
			return false;
		}
		List<String> excluded = Binder.get(environment)
			.bind("spring.autoconfigure.exclude", Bindable.listOf(String.class))
			.orElse(List.of());
		return !excluded.contains(MezonAutoConfiguration.class.getName());
	}

	private static void startDaemon(Runnable task) {
		Thread thread = new Thread(task, "mezon-preload");
		thread.setDaemon(true);
		thread.start();
	}

}
