package ai.mezon.light;

/**
 * The server answered a socket request with an {@code error} envelope. Codes (PROTOCOL.md §5):
 * 0 runtime exception, 1 unrecognized payload, 2 missing payload, 3 bad input, 4 match not found,
 * 5 match join rejected, 6 runtime function not found, 7 runtime function exception.
 */
public class MezonServerErrorException extends MezonSocketException {

	private final int code;

	private final String serverMessage;

	public MezonServerErrorException(String operation, int code, String serverMessage) {
		super(operation + " failed: server error " + code + ": " + serverMessage);
		this.code = code;
		this.serverMessage = serverMessage;
	}

	/**
	 * The server's error code.
	 * @return the code
	 */
	public int getCode() {
		return this.code;
	}

	/**
	 * The server's error message.
	 * @return the message, possibly empty
	 */
	public String getServerMessage() {
		return this.serverMessage;
	}

}
