package ai.mezon.light.autoconfigure.internal;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import ai.mezon.light.ConnectionState;
import ai.mezon.light.LightSocket;

/**
 * Health of the auto-configured socket: UP while connected (details: state, user id, joined
 * channel count); DOWN otherwise, with the state, the reason the link last went down or failed
 * to come up, and when the next reconnect attempt is due. A follower instance (with
 * {@code mezon.instances.single-active-socket}) keeps its socket down on purpose: it is UP with
 * role {@code standby}, ready to take over. Never shows a token: socket error messages never hold
 * one.
 */
public final class MezonHealthIndicator implements HealthIndicator {

	private final LightSocket socket;

	private final BooleanSupplier standby;

	/**
	 * @param socket the socket
	 */
	public MezonHealthIndicator(LightSocket socket) {
		this(socket, () -> false);
	}

	/**
	 * @param socket the socket
	 * @param standby whether this instance is currently a follower that must not connect
	 */
	public MezonHealthIndicator(LightSocket socket, BooleanSupplier standby) {
		this.socket = socket;
		this.standby = standby;
	}

	@Override
	public Health health() {
		// Read once: the state may change while the details are gathered.
		ConnectionState state = this.socket.getState();
		if (state == ConnectionState.DISCONNECTED && this.standby.getAsBoolean()) {
			return Health.up()
				.withDetail("state", state.name())
				.withDetail("role", "standby")
				.withDetail("userId", this.socket.getClient().userId())
				.build();
		}
		Health.Builder health = (state == ConnectionState.CONNECTED) ? Health.up() : Health.down();
		health.withDetail("state", state.name()).withDetail("userId", this.socket.getClient().userId());
		String lastClose = this.socket.getLastServerClose();
		if (lastClose != null) {
			health.withDetail("lastServerClose", lastClose);
		}
		if (state == ConnectionState.CONNECTED) {
			health.withDetail("joinedChannels", this.socket.getJoinedChannels().size());
			Set<String> missing = this.socket.getMissingChannels();
			if (!missing.isEmpty()) {
				// Should be joined and are not: a rejoin failed (logged at WARN). Still UP: the
				// socket works, and they are tried again at the next reconnect.
				health.withDetail("missingChannels", new TreeSet<>(missing));
			}
			return health.build();
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
