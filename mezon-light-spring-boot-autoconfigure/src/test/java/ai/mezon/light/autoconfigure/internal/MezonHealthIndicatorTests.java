package ai.mezon.light.autoconfigure.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import ai.mezon.light.LightClientOptions;
import ai.mezon.light.LightSocket;
import ai.mezon.light.autoconfigure.TestSessions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MezonHealthIndicator} on a socket that is not connected (no network needed).
 */
class MezonHealthIndicatorTests {

	private final LightSocket socket = TestSessions
		.client(TestSessions.fresh(Instant.now()), LightClientOptions.defaults())
		.createSocket();

	@AfterEach
	void close() {
		this.socket.close();
	}

	@Test
	void disconnectedSocketIsDown() {
		Health health = new MezonHealthIndicator(this.socket).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("state", "DISCONNECTED")
			.containsEntry("reason", "Not connected")
			.doesNotContainKey("role");
	}

	@Test
	void followerStandingByIsUpAndDownOnceItShouldLead() {
		AtomicBoolean follower = new AtomicBoolean(true);
		MezonHealthIndicator indicator = new MezonHealthIndicator(this.socket, follower::get);

		Health standby = indicator.health();
		assertThat(standby.getStatus()).isEqualTo(Status.UP);
		assertThat(standby.getDetails()).containsEntry("role", "standby").containsEntry("state", "DISCONNECTED");

		follower.set(false);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
	}

}
