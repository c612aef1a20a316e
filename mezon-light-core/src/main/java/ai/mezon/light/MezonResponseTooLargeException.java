package ai.mezon.light;

/**
 * A REST answer was larger than {@link LightClientOptions#maxResponseSize()} allows. Its body is
 * not read beyond the cap (nor at all when its {@code Content-Length} already says it is too
 * large), so a broken or hostile server cannot exhaust the heap; the connection is closed. Raise
 * the cap ({@code mezon.max-response-size}) only if a legitimate answer is that large.
 */
public class MezonResponseTooLargeException extends MezonApiException {

	private final long limit;

	/**
	 * @param call the API call, e.g. {@code authenticate}
	 * @param statusCode the HTTP status of the answer
	 * @param limit the cap, in bytes
	 * @param size the size the answer declared, or the bytes seen when it broke the cap
	 */
	public MezonResponseTooLargeException(String call, int statusCode, long limit, long size) {
		super(call, statusCode, call + " answered more than the " + limit + "-byte limit on REST answers ("
				+ ((size > limit) ? size + " bytes" : "more") + "); see mezon.max-response-size", null);
		this.limit = limit;
	}

	/**
	 * The cap the answer broke.
	 * @return the most bytes allowed
	 */
	public long getLimit() {
		return this.limit;
	}

}
