package ai.mezon.light.autoconfigure.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KeepAliveTests {

	@Test
	void holdsOneNonDaemonThreadFromStartToStop() {
		KeepAlive keepAlive = new KeepAlive();
		keepAlive.start();
		Thread thread = keepAlive.thread();
		keepAlive.start();
		try {
			assertThat(keepAlive.isRunning()).isTrue();
			assertThat(keepAlive.thread()).isSameAs(thread);
			assertThat(thread.getName()).isEqualTo(KeepAlive.THREAD_NAME);
			assertThat(thread.isDaemon()).isFalse();
			assertThat(thread.isAlive()).isTrue();
		}
		finally {
			keepAlive.stop();
		}
		await().until(() -> !thread.isAlive());
		assertThat(keepAlive.isRunning()).isFalse();
		assertThat(keepAlive.thread()).isNull();
	}

	@Test
	void onlyStopEndsIt() {
		KeepAlive keepAlive = new KeepAlive();
		keepAlive.start();
		Thread thread = keepAlive.thread();
		thread.interrupt();
		assertThat(keepAlive.isRunning()).isTrue();
		keepAlive.stop();
		keepAlive.stop();
		await().until(() -> !thread.isAlive());
	}

	@Test
	void startsAFreshThreadAfterStop() {
		KeepAlive keepAlive = new KeepAlive();
		keepAlive.start();
		Thread first = keepAlive.thread();
		keepAlive.stop();
		keepAlive.start();
		Thread second = keepAlive.thread();
		try {
			assertThat(second).isNotSameAs(first);
			assertThat(second.isAlive()).isTrue();
		}
		finally {
			keepAlive.stop();
		}
		await().until(() -> !first.isAlive() && !second.isAlive());
	}

}
