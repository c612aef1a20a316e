package ai.mezon.light.test.internal.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests each REST call received, so tests can assert e.g. that concurrent refreshes
 * made exactly one HTTP request.
 */
public final class RequestCounters {

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	/** @param call the call that received a request */
	public void increment(String call) {
		this.counts.computeIfAbsent(call, (key) -> new AtomicInteger()).incrementAndGet();
	}

	/**
	 * @param call a call name, e.g. {@code SessionRefresh}
	 * @return how many requests it received
	 */
	public int count(String call) {
		AtomicInteger count = this.counts.get(call);
		return (count != null) ? count.get() : 0;
	}

}
