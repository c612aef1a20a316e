package ai.mezon.light.autoconfigure.internal;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartupWarmUpTests {

	@Test
	void classListNamesTheSignInAndSocketClasses() {
		List<String> names = StartupWarmUp.classNames(getClass().getClassLoader());
		assertThat(names).hasSizeGreaterThan(100)
			.contains("jdk.internal.net.http.HttpClientImpl", "org.apache.tomcat.websocket.WsWebSocketContainer",
					"ai.mezon.light.internal.socket.SocketSupervisor")
			.noneMatch((name) -> name.startsWith("#") || name.isBlank() || name.contains("$$Lambda")
					|| name.contains("/"));
	}

	@Test
	void loadsListedClassesAndSkipsMissingOnes() {
		List<String> names = StartupWarmUp.classNames(getClass().getClassLoader());
		int loaded = StartupWarmUp.warmUp(getClass().getClassLoader());
		// Every listed class exists on this JDK and class path (the list was made from them).
		assertThat(loaded).isEqualTo(names.size());
		// A loader without the list warms nothing and does not fail.
		assertThat(StartupWarmUp.warmUp(new URLClassLoader(new URL[0], null))).isZero();
	}

	@Test
	void runsOnlyWithASpareCore() {
		assertThat(StartupWarmUp.spareCore(2, 0.3)).isTrue();
		assertThat(StartupWarmUp.spareCore(8, 5.0)).isTrue();
		assertThat(StartupWarmUp.spareCore(2, 1.5)).isFalse();
		assertThat(StartupWarmUp.spareCore(2, 15.0)).isFalse();
		assertThat(StartupWarmUp.spareCore(1, 0.0)).isFalse();
		assertThat(StartupWarmUp.spareCore(4, -1)).isFalse();
	}

	@Test
	void startsOneDaemonThreadPerJvm() throws Exception {
		Thread first = StartupWarmUp.start(getClass().getClassLoader());
		Thread second = StartupWarmUp.start(getClass().getClassLoader());
		// Another test in this JVM may have started it already: then both calls return null.
		if (first != null) {
			assertThat(first.isDaemon()).isTrue();
			assertThat(first.getName()).isEqualTo("mezon-warm-up");
			first.join(TimeUnit.SECONDS.toMillis(60));
			assertThat(first.isAlive()).isFalse();
		}
		assertThat(second).isNull();
	}

}
