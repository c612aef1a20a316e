package ai.mezon.light.spring;

import org.springframework.context.ApplicationEvent;

import ai.mezon.light.LightClient;
import ai.mezon.light.session.Session;
import ai.mezon.light.session.SessionListener;

/**
 * Published when the auto-configured client's session changed: refreshed (proactively or on
 * demand), obtained again with the id token after the refresh token died, or replaced by a newer
 * one another instance stored. Published on the thread that changed the session.
 */
public class MezonSessionRefreshedEvent extends ApplicationEvent {

	private final Session session;

	private final SessionListener.Change change;

	/**
	 * @param client the client whose session changed
	 * @param session the new session
	 * @param change why it changed
	 */
	public MezonSessionRefreshedEvent(LightClient client, Session session, SessionListener.Change change) {
		super(client);
		this.session = session;
		this.change = change;
	}

	/** @return the client whose session changed */
	public LightClient getClient() {
		return (LightClient) getSource();
	}

	/** @return the new session (its {@code toString()} masks the tokens) */
	public Session getSession() {
		return this.session;
	}

	/** @return why the session changed */
	public SessionListener.Change getChange() {
		return this.change;
	}

}
