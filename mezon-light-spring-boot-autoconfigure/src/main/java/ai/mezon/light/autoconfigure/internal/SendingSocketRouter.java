package ai.mezon.light.autoconfigure.internal;

import ai.mezon.light.LightSocket;
import ai.mezon.light.spring.MezonTemplate;

/**
 * Chooses the socket {@code MezonTemplate}'s sends go through. Kept apart from
 * {@link SocketLeadership} so the template's configuration never loads Spring Integration
 * classes, which are optional.
 */
@FunctionalInterface
public interface SendingSocketRouter {

	/** @return the socket the next send goes through */
	LightSocket sendingSocket();

}
