package ai.mezon.light.autoconfigure.internal;

import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import ai.mezon.light.ConnectionState;
import ai.mezon.light.LightSocket;

/**
 * Health of the auto-configured socket: UP while connected (details: state, user id, joined
 * channel count); DOWN otherwise, with the state, the reason the link last went down or failed
 * to come up, and when the next reconnect attempt is due. Never shows a token: socket error
 * messages never hold one.
 */
public final class MezonHealthIndicator implements HealthIndicator {

	private final LightSocket socket;

	/**
	 * @param socket the socket
	 */
	public MezonHealthIndicator(LightSocket socket) {
		this.socket = socket;
	}

	@Override
	public Health health() {
		// Read once: the state may change while the details are gathered.
		ConnectionState state = this.socket.getState();
		Health.Builder health = (state == ConnectionState.CONNECTED) ? Health.up() : Health.down();
		health.withDetail("state", state.name()).withDetail("userId", this.socket.getClient().userId());
		if (state == ConnectionState.CONNECTED) {
			return health.withDetail("joinedChannels", this.socket.getJoinedChannels().size()).build();
		}
		Throwable error = this.socket.getLastConnectionError();
		health.withDetail("reason", (error != null && error.getMessage() != null) ? error.getMessage()
				: (state == ConnectionState.DISCONNECTED) ? "Not connected" : "Connecting");
		Instant next = this.socket.getNextReconnectTime();
		if (next != null) {
			health.withDetail("nextRetry", next.toString());
		}
		return health.build();
	}

}
