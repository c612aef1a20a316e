package ai.mezon.light.test;

/**
 * A user the test server knows: created by authentication, or by a test through
 * {@link MezonTestServer#createUser(String)}.
 *
 * @param id the user id
 * @param username the user name
 */
public record TestUser(long id, String username) {

	/** @return the id as the SDK's API shows it (a decimal string) */
	public String idString() {
		return Long.toString(this.id);
	}

}
