package ai.mezon.light.internal.socket;

import java.net.URI;
import java.util.List;

import ai.mezon.light.message.HistoryDirection;
import ai.mezon.light.proto.api.ChannelMessage;

/**
 * What the socket needs from the client's session. Every method may block (REST calls): the
 * socket calls them on its pool, never on the reading or timer thread.
 */
public interface SessionAccess {

	/**
	 * @return the socket URL with the current token
	 * @throws ai.mezon.light.MezonException if the session's socket URL is not a valid one
	 */
	URI socketUri();

	/** @return the user id (decimal) */
	String userId();

	/** @return whether the access token has expired */
	boolean isExpired();

	/** @return whether the refresh token has expired */
	boolean isRefreshExpired();

	/** Refreshes the session (blocking). */
	void refresh();

	/**
	 * Signs in again at the gateway with the credentials the client was created with (the id
	 * token), replacing the session and its URLs; the gateway is the source of truth when the
	 * stored hosts or tokens are no longer accepted.
	 * @return {@code false} when the client has no such credentials (nothing was tried)
	 * @throws ai.mezon.light.MezonException when signing in failed
	 */
	default boolean reauthenticate() {
		return false;
	}

	/**
	 * Reads a channel's history (blocking REST call), for catch-up.
	 * @param channelId the channel
	 * @param anchor the anchor message id, 0 for none
	 * @param direction which messages relative to the anchor
	 * @param limit the most messages
	 * @return the messages as the server sent them
	 */
	List<ChannelMessage> history(long channelId, long anchor, HistoryDirection direction, int limit);

}
