package ai.mezon.light;

/**
 * The state of a {@link LightSocket}'s link to the server, as told to
 * {@link SocketListener#onConnectionStateChanged}.
 */
public enum ConnectionState {

	/** {@code connect()} was called and the first handshake is in progress. */
	CONNECTING,

	/** The link is up; after a reconnect, every joined channel has been rejoined. */
	CONNECTED,

	/** The link was lost without {@code disconnect()}; the socket is reconnecting with backoff. */
	RECONNECTING,

	/** Not connected: never connected, {@code disconnect()} was called, or reconnecting gave up. */
	DISCONNECTED

}
