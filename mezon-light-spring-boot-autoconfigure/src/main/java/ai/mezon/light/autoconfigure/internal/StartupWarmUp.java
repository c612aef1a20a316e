package ai.mezon.light.autoconfigure.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Moves the starter's first-time initialisation off the start-up thread: while Spring still
 * creates the application's beans on the main thread, a daemon thread ({@code mezon-warm-up})
 * initialises the JDK's default TLS context (the JDK {@code HttpClient} the sign-in uses loads the
 * trust store even for {@code http://}) and loads the classes listed in
 * {@value #CLASS_LIST} (HTTP client, TLS, {@code RestClient}, Tomcat's WebSocket client, the SDK's
 * socket), without initialising them. Profiled, that class loading and TLS set-up was most of the
 * starter's start-up cost (the REST round trip itself takes milliseconds); a spare core does it
 * while the main thread works, and where the main thread gets there first it loads the class itself
 * (class loading is per-class locked, so nothing is done twice).
 *
 * <p>Skipped when no core looks idle ({@link #spareCore}). Only a hint: a missing class or any failure is ignored (logged at trace). Runs at most once
 * per JVM. Registered by the auto-configuration as a {@link BeanFactoryPostProcessor}, the earliest
 * point at which it knows Mezon is enabled.
 */
public final class StartupWarmUp implements BeanFactoryPostProcessor {

	/** The class list, one binary name a line, {@code #} comments. */
	public static final String CLASS_LIST = "META-INF/mezon-light/warm-up-classes.txt";

	private static final Logger logger = LoggerFactory.getLogger(StartupWarmUp.class);

	private static final AtomicBoolean started = new AtomicBoolean();

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (!spareCore(Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())) {
			logger.debug("No spare core: the Mezon start-up warm-up is skipped");
			return;
		}
		ClassLoader loader = beanFactory.getBeanClassLoader();
		start((loader != null) ? loader : StartupWarmUp.class.getClassLoader());
	}

	/**
	 * The warm-up only pays when another core is idle while the start-up thread works; on a single
	 * core, or a machine whose run queue already fills its cores, it would only compete with the
	 * start-up thread (measured: slower start-up at a load average of 15 on 2 cores).
	 * @param processors the processors available to this JVM
	 * @param loadAverage the system load average over the last minute, negative where unknown
	 * @return whether a core is likely idle
	 */
	static boolean spareCore(int processors, double loadAverage) {
		return processors > 1 && loadAverage >= 0 && loadAverage < processors - 1;
	}

	/**
	 * Starts the warm-up thread unless one was already started in this JVM.
	 * @param loader the class loader the application's classes come from
	 * @return the thread, or {@code null} when it had already been started
	 */
	static @Nullable Thread start(ClassLoader loader) {
		if (!started.compareAndSet(false, true)) {
			return null;
		}
		Thread thread = new Thread(() -> warmUp(loader), "mezon-warm-up");
		thread.setDaemon(true);
		// Below the start-up thread: it only uses a core the main thread is not using.
		thread.setPriority(Thread.NORM_PRIORITY - 1);
		thread.start();
		return thread;
	}

	/** @return how many listed classes were loaded */
	static int warmUp(ClassLoader loader) {
		try {
			SSLContext.getDefault();
		}
		catch (NoSuchAlgorithmException | RuntimeException ex) {
			logger.trace("TLS warm-up failed", ex);
		}
		int loaded = 0;
		for (String name : classNames(loader)) {
			try {
				Class.forName(name, false, loader);
				loaded++;
			}
			catch (ClassNotFoundException | LinkageError | RuntimeException ex) {
				logger.trace("Not warmed up: {}", name);
			}
		}
		return loaded;
	}

	static List<String> classNames(ClassLoader loader) {
		List<String> names = new ArrayList<>();
		try (InputStream in = loader.getResourceAsStream(CLASS_LIST)) {
			if (in == null) {
				return names;
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				line = line.trim();
				if (!line.isEmpty() && !line.startsWith("#")) {
					names.add(line);
				}
			}
		}
		catch (IOException ex) {
			logger.trace("No warm-up class list", ex);
		}
		return names;
	}

}
