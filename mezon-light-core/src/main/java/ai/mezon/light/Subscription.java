package ai.mezon.light;

/**
 * Handle of a registered handler or listener; {@link #close()} removes it. Closing twice is a
 * no-op.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

	/** Removes the handler or listener. */
	@Override
	void close();

}
