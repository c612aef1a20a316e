package ai.mezon.light.internal.socket;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callback threads: named, daemons, and with the SDK's class loader as their context class
 * loader, also when the SDK is not on the system class loader (a Spring Boot executable jar, an
 * application server), where the fork-join pool's default threads would carry the system one.
 */
class CallbackPoolTests {

	@Test
	void callbacksRunOnNamedDaemonThreads() throws Exception {
		CompletableFuture<Thread> thread = new CompletableFuture<>();
		CallbackPool.execute(() -> thread.complete(Thread.currentThread()));
		assertThat(thread.get(10, TimeUnit.SECONDS).getName()).startsWith("mezon-callback-");
		assertThat(thread.get().isDaemon()).isTrue();
	}

	@Test
	void callbacksSeeTheSdksClassLoaderWhenItIsNotTheSystemOne() throws Exception {
		// The SDK loaded again by a loader of its own, as an executable jar's loader would.
		try (URLClassLoader application = new URLClassLoader(testClassPath(), ClassLoader.getPlatformClassLoader())) {
			Class<?> pool = application.loadClass(CallbackPool.class.getName());
			assertThat(pool.getClassLoader()).isSameAs(application);
			Method execute = pool.getDeclaredMethod("execute", Runnable.class);
			execute.setAccessible(true);
			CompletableFuture<ClassLoader> seen = new CompletableFuture<>();
			// Called from a thread whose context loader is the system one, as the reading thread's may be.
			Thread caller = new Thread(() -> {
				try {
					execute.invoke(null, (Runnable) () -> seen.complete(Thread.currentThread().getContextClassLoader()));
				}
				catch (ReflectiveOperationException ex) {
					seen.completeExceptionally(ex);
				}
			});
			caller.setContextClassLoader(ClassLoader.getSystemClassLoader());
			caller.start();
			assertThat(seen.get(10, TimeUnit.SECONDS)).isSameAs(application);
		}
	}

	/** The module's classes and dependencies as surefire runs them (its own class path may be a manifest jar). */
	private static URL[] testClassPath() throws Exception {
		String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<URL> urls = new ArrayList<>();
		for (String entry : path.split(File.pathSeparator)) {
			if (!entry.isBlank()) {
				urls.add(new File(entry).toURI().toURL());
			}
		}
		return urls.toArray(URL[]::new);
	}

}
