package ai.mezon.light.autoconfigure;

import org.springframework.context.ApplicationEvent;

/**
 * Something that happened on a joined channel: a message received, edited or deleted, a reaction,
 * a typing indicator. Listen to this type to see all of them in one method (e.g. to log or count
 * traffic); listen to a subclass for one kind. Delivered on the socket's dispatch threads, in
 * order per channel.
 */
public abstract class MezonChannelEvent extends ApplicationEvent {

	private final boolean fromSelf;

	/**
	 * @param template the template answers go through (the event's source)
	 * @param fromSelf whether the bot's own user caused it (from another session or instance)
	 */
	protected MezonChannelEvent(MezonTemplate template, boolean fromSelf) {
		super(template);
		this.fromSelf = fromSelf;
	}

	/** @return the channel id (decimal) */
	public abstract String getChannelId();

	/** @return the id of the user who caused the event (decimal), or {@code ""} when unknown */
	public abstract String getSenderId();

	/** @return whether the bot's own user caused it (from another session or instance) */
	public boolean isFromSelf() {
		return this.fromSelf;
	}

	/** @return the template answers go through */
	public MezonTemplate getTemplate() {
		return (MezonTemplate) getSource();
	}

}
