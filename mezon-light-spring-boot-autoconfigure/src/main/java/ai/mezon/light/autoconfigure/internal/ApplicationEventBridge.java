package ai.mezon.light.autoconfigure.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;

import ai.mezon.light.ConnectionState;
import ai.mezon.light.LightSocket;
import ai.mezon.light.SocketListener;
import ai.mezon.light.Subscription;
import ai.mezon.light.message.ChannelAddedEvent;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.MessageDeletion;
import ai.mezon.light.message.MessageEdit;
import ai.mezon.light.message.Reaction;
import ai.mezon.light.message.TypingIndicator;
import ai.mezon.light.spring.MezonChannelAddedEvent;
import ai.mezon.light.spring.MezonConnectionStateChangedEvent;
import ai.mezon.light.spring.MezonMessageDeletedEvent;
import ai.mezon.light.spring.MezonMessageEditedEvent;
import ai.mezon.light.spring.MezonMessageReceivedEvent;
import ai.mezon.light.spring.MezonReactionEvent;
import ai.mezon.light.spring.MezonTemplate;
import ai.mezon.light.spring.MezonTypingEvent;

/**
 * Publishes what the socket tells as Spring application events: one {@link SocketListener}
 * method per event kind, each building its {@code Mezon...Event} and handing it to
 * {@link #publish}. A new socket event kind is one more method here plus its event class.
 *
 * <p>Runs on the socket's dispatch threads, so listeners inherit its ordering (one channel at a
 * time, in order) unless the application made Spring's event multicaster asynchronous. A
 * listener that throws is logged with the event's ids (never content or tokens) and does not
 * stop the next event.
 */
public final class ApplicationEventBridge implements SocketListener, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ApplicationEventBridge.class);

	private final LightSocket socket;

	private final MezonTemplate template;

	private final ApplicationEventPublisher publisher;

	private final boolean includeOwnMessages;

	private final Subscription subscription;

	/**
	 * Creates the bridge and registers it with the socket.
	 * @param socket the socket to listen to
	 * @param template the template replies go through
	 * @param publisher publishes the events
	 * @param includeOwnMessages whether to publish messages the bot's own user sent (and its
	 * edits, deletions, reactions and typing)
	 */
	public ApplicationEventBridge(LightSocket socket, MezonTemplate template, ApplicationEventPublisher publisher,
			boolean includeOwnMessages) {
		this.socket = socket;
		this.template = template;
		this.publisher = publisher;
		this.includeOwnMessages = includeOwnMessages;
		this.subscription = socket.addListener(this);
	}

	@Override
	public void onChannelMessage(ChannelMessage message) {
		boolean fromSelf = isSelf(message.senderId());
		if (fromSelf && !this.includeOwnMessages) {
			// An echo of our own send (from another session or instance): answering it could loop.
			return;
		}
		publish(new MezonMessageReceivedEvent(this.template, message, fromSelf));
	}

	@Override
	public void onMessageEdited(MessageEdit edit) {
		// An edit without a sender (channel_message_update) is never taken for our own.
		boolean fromSelf = isSelf(edit.senderId());
		if (!fromSelf || this.includeOwnMessages) {
			publish(new MezonMessageEditedEvent(this.template, edit, fromSelf));
		}
	}

	@Override
	public void onMessageDeleted(MessageDeletion deletion) {
		boolean fromSelf = isSelf(deletion.senderId());
		if (!fromSelf || this.includeOwnMessages) {
			publish(new MezonMessageDeletedEvent(this.template, deletion, fromSelf));
		}
	}

	@Override
	public void onReaction(Reaction reaction) {
		// Only another session of our user can push our own reaction: this one gets it as a reply.
		boolean fromSelf = isSelf(reaction.senderId());
		if (!fromSelf || this.includeOwnMessages) {
			publish(new MezonReactionEvent(this.template, reaction, fromSelf));
		}
	}

	@Override
	public void onTyping(TypingIndicator typing) {
		boolean fromSelf = isSelf(typing.senderId());
		if (!fromSelf || this.includeOwnMessages) {
			publish(new MezonTypingEvent(this.template, typing, fromSelf));
		}
	}

	@Override
	public void onChannelAdded(ChannelAddedEvent event) {
		publish(new MezonChannelAddedEvent(this.socket, event));
	}

	@Override
	public void onConnectionStateChanged(ConnectionState previous, ConnectionState current) {
		publish(new MezonConnectionStateChangedEvent(this.socket, previous, current));
	}

	private boolean isSelf(String senderId) {
		return senderId.equals(this.socket.getClient().userId());
	}

	private void publish(ApplicationEvent event) {
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			// The event's toString() shows ids only; the listener's exception is the application's own.
			logger.error("A listener of {} threw; later events are still delivered", event, ex);
		}
	}

	/** Stops publishing when the context closes. */
	@Override
	public void destroy() {
		this.subscription.close();
	}

}
