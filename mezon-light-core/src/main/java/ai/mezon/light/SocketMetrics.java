package ai.mezon.light;

/**
 * Counters of a {@link LightSocket}, for monitoring and tests.
 *
 * @param queuedEvents incoming events waiting for a handler right now
 * @param queueHighWaterMark the most events ever waiting at once (never above the capacity)
 * @param queueCapacity the dispatch queue capacity ({@link SocketOptions#queueCapacity()})
 * @param readPauses how often reading from the socket was paused because handlers were behind
 * @param malformedFrames frames that could not be decoded (the link stayed up)
 * @param reconnects successful reconnects
 * @param oversizedFrames frames dropped for being over {@link SocketOptions#maxFrameSize()} (the link stayed up)
 * @param throttledSends sends waiting for the send throttle right now ({@link SocketOptions#sendRate()})
 */
public record SocketMetrics(int queuedEvents, int queueHighWaterMark, int queueCapacity, long readPauses,
		long malformedFrames, long reconnects, long oversizedFrames, int throttledSends) {
}
