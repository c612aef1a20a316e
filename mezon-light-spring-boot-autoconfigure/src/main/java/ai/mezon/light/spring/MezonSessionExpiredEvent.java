package ai.mezon.light.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEvent;

import ai.mezon.light.LightClient;
import ai.mezon.light.session.Session;

/**
 * Published when the client's session can no longer be kept alive: the refresh token expired or
 * was refused, and there is no id token to authenticate again with (or authenticating again
 * failed). The client stays as it is; proactive refresh stops until the session is replaced, for
 * example through {@link LightClient#replaceSession}.
 */
public class MezonSessionExpiredEvent extends ApplicationEvent {

	private final Session session;

	private final @Nullable Throwable failure;

	/**
	 * @param client the client whose session expired
	 * @param session the last session
	 * @param failure why it could not be renewed, if known
	 */
	public MezonSessionExpiredEvent(LightClient client, Session session, @Nullable Throwable failure) {
		super(client);
		this.session = session;
		this.failure = failure;
	}

	/** @return the client whose session expired */
	public LightClient getClient() {
		return (LightClient) getSource();
	}

	/** @return the last session (its {@code toString()} masks the tokens) */
	public Session getSession() {
		return this.session;
	}

	/** @return why the session could not be renewed, or {@code null} */
	public @Nullable Throwable getFailure() {
		return this.failure;
	}

}
