package ai.mezon.light.spring;

import org.springframework.context.ApplicationEvent;

import ai.mezon.light.ConnectionState;
import ai.mezon.light.LightSocket;

/**
 * Published when the auto-configured socket's link changes state, e.g. {@code CONNECTED ->
 * RECONNECTING} when the server went away and {@code RECONNECTING -> CONNECTED} once it is back
 * and channels are rejoined. Published on the socket's dispatch threads, in order.
 */
public class MezonConnectionStateChangedEvent extends ApplicationEvent {

	private final ConnectionState previousState;

	private final ConnectionState state;

	/**
	 * @param socket the socket
	 * @param previousState the state before
	 * @param state the state now
	 */
	public MezonConnectionStateChangedEvent(LightSocket socket, ConnectionState previousState,
			ConnectionState state) {
		super(socket);
		this.previousState = previousState;
		this.state = state;
	}

	/** @return the socket */
	public LightSocket getSocket() {
		return (LightSocket) getSource();
	}

	/** @return the state before the change */
	public ConnectionState getPreviousState() {
		return this.previousState;
	}

	/** @return the state now */
	public ConnectionState getState() {
		return this.state;
	}

	@Override
	public String toString() {
		return "MezonConnectionStateChangedEvent[" + this.previousState + " -> " + this.state + "]";
	}

}
