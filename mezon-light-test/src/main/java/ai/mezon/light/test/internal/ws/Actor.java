package ai.mezon.light.test.internal.ws;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.test.TestUser;

/**
 * Who acts: a connection's user, or a simulated user driven by a test (no connection, so every
 * subscriber of the channel is pushed the result).
 *
 * @param userId the acting user
 * @param username that user's name
 * @param connection the requesting connection, excluded from the fan-out; {@code null} for a
 * simulated user
 */
record Actor(long userId, String username, @Nullable ClientConnection connection) {

	static Actor of(ClientConnection connection) {
		return new Actor(connection.userId, connection.username, connection);
	}

	static Actor of(TestUser user) {
		return new Actor(user.id(), user.username(), null);
	}

}
