package ai.mezon.light.test.internal.ws;

/**
 * A request the server refuses: answered with an {@code error} envelope of this code to a
 * client, thrown as {@link IllegalStateException} to a test acting as a simulated user.
 */
final class Refused extends RuntimeException {

	/** PROTOCOL.md §5: the envelope kind is not one the server handles. */
	static final int UNRECOGNIZED_PAYLOAD = 1;

	/** PROTOCOL.md §5: bad input; every refusal of a request's content uses it. */
	static final int BAD_INPUT = 3;

	/** Editing or deleting someone else's message: "bad input", like every other refusal here. */
	static final int NOT_AUTHOR = BAD_INPUT;

	final int code;

	Refused(int code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

}
