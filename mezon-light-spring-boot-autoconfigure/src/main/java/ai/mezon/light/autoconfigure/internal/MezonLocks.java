package ai.mezon.light.autoconfigure.internal;

import java.util.concurrent.locks.Lock;

/**
 * Locks shared by the instances of one bot, for refresh coordination: a Spring Integration
 * {@code LockRegistry} behind an interface that does not load Spring Integration (optional).
 */
@FunctionalInterface
public interface MezonLocks {

	/**
	 * @param key the lock's key
	 * @return the lock, shared by every instance using the same registry
	 */
	Lock obtain(String key);

}
