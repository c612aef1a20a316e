package ai.mezon.light.autoconfigure;

import java.util.List;

import ai.mezon.light.MezonException;

/**
 * The Mezon client cannot start: there is no usable stored session, and the configured
 * credentials (an id token, or an exported session) are missing or incomplete. Start-up failure
 * analysis turns it into a message naming the properties to set.
 */
public class MezonCredentialsException extends MezonException {

	private final List<String> missing;

	/**
	 * @param message what is wrong, without secrets
	 * @param missing the properties that are missing, e.g. {@code mezon.username}; empty when
	 * nothing at all is configured
	 */
	public MezonCredentialsException(String message, List<String> missing) {
		super(message);
		this.missing = List.copyOf(missing);
	}

	/** @return the properties found missing; empty when no credentials are configured at all */
	public List<String> getMissing() {
		return this.missing;
	}

}
