package ai.mezon.light.internal.socket;

import java.util.concurrent.CompletableFuture;

/**
 * What happens once a link is up: joining the channels to be in ({@link JoinedChannels#linkUp}).
 * Called by the {@link SocketConnection} on the thread that opened the link; must not block.
 */
@FunctionalInterface
interface LinkUp {

	LinkUp NONE = (link, initial) -> CompletableFuture.completedFuture(0);

	/**
	 * @param link the new link, not yet {@code CONNECTED} when {@code initial} is false
	 * @param initial whether this is the first link after {@code connect()}
	 * @return completes (never exceptionally) with the number of channels joined, once done
	 */
	CompletableFuture<Integer> linkUp(Link link, boolean initial);

}
