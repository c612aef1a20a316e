package ai.mezon.light;

/**
 * A frame from the server was larger than the socket's limit ({@code SocketOptions.maxFrameSize},
 * {@code mezon.socket.max-frame-size}) and was dropped; the connection stays up. Reported through
 * the socket's error handler (and a WARN), never thrown to a caller. The message names what the
 * frame was, as far as its first bytes tell (e.g. "message 12 in channel 34").
 */
public class MezonFrameTooLargeException extends MezonSocketException {

	private final long size;

	private final int limit;

	/**
	 * @param message what was dropped, its size and the limit
	 * @param size the frame's size in bytes
	 * @param limit the limit in bytes
	 */
	public MezonFrameTooLargeException(String message, long size, int limit) {
		super(message);
		this.size = size;
		this.limit = limit;
	}

	/** @return the frame's size in bytes */
	public long getSize() {
		return this.size;
	}

	/** @return the limit it went over, in bytes */
	public int getLimit() {
		return this.limit;
	}

}
