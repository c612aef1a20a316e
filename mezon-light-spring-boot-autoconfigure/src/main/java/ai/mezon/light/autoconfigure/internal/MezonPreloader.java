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
 * cores). Here nothing runs when {@code mezon.enabled=false}, when the auto-configuration is in
 * {@code spring.autoconfigure.exclude}, on single-CPU machines, or when the system property
 * {@code spring.backgroundpreinitializer.ignore} is {@code true} (Boot's own switch for this kind
 * of work); nothing is lost then but the overlap.
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
		if (!environment.getProperty("mezon.enabled", Boolean.class, true)) {
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
