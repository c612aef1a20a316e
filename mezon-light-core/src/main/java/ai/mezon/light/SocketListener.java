package ai.mezon.light;

import ai.mezon.light.message.ChannelAddedEvent;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.MessageDeletion;
import ai.mezon.light.message.MessageEdit;
import ai.mezon.light.message.Reaction;
import ai.mezon.light.message.TypingIndicator;

/**
 * Receives everything a {@link LightSocket} has to tell: pushed messages and events, connection
 * state changes and errors. Every method has a no-op default, so an implementation overrides
 * only what it needs and new event kinds can be added without breaking it. Register with
 * {@link LightSocket#addListener(SocketListener)}.
 *
 * <p>Calls run on the socket's dispatch executor, never on the WebSocket I/O thread. Calls about
 * one channel are made one at a time, in the order the server sent them; calls about different
 * channels may run concurrently. Connection state changes, errors and channel-added events are
 * ordered among themselves. An exception thrown here is reported to {@link #onError} of the
 * other listeners and the error handler; it does not stop delivery or the connection.
 */
public interface SocketListener {

	/**
	 * A message arrived on a joined channel.
	 * @param message the message
	 */
	default void onChannelMessage(ChannelMessage message) {
	}

	/**
	 * A message on a joined channel was edited by its author (a pushed {@code channel_message}
	 * with code 1, or a {@code channel_message_update}). Not also delivered to
	 * {@link #onChannelMessage}.
	 * @param edit the edit
	 */
	default void onMessageEdited(MessageEdit edit) {
	}

	/**
	 * A message on a joined channel was deleted by its author (a pushed {@code channel_message}
	 * with code 2, or a {@code channel_message_remove}). Not also delivered to
	 * {@link #onChannelMessage}.
	 * @param deletion the deletion
	 */
	default void onMessageDeleted(MessageDeletion deletion) {
	}

	/**
	 * Another user added or removed a reaction on a joined channel ({@link Reaction#removed()}
	 * tells which). This socket's own reactions are answered to the caller, not pushed here.
	 * @param reaction the reaction
	 */
	default void onReaction(Reaction reaction) {
	}

	/**
	 * Another user is typing on a joined channel.
	 * @param typing the indicator
	 */
	default void onTyping(TypingIndicator typing) {
	}

	/**
	 * This user was added to a channel (and, with auto-join, the channel was joined).
	 * @param event the event
	 */
	default void onChannelAdded(ChannelAddedEvent event) {
	}

	/**
	 * The link changed state, e.g. {@code CONNECTED -> RECONNECTING} when the server went away and
	 * {@code RECONNECTING -> CONNECTED} once it is back and channels are rejoined.
	 * @param previous the previous state
	 * @param current the new state
	 */
	default void onConnectionStateChanged(ConnectionState previous, ConnectionState current) {
	}

	/**
	 * Something went wrong that no caller is waiting for: a malformed frame, a failed reconnect
	 * attempt or rejoin, a pushed {@code error}, a handler that threw.
	 * @param error the error; its message never contains a token
	 */
	default void onError(Throwable error) {
	}

}
