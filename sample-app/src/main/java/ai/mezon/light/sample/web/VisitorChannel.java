package ai.mezon.light.sample.web;

import java.util.concurrent.CompletableFuture;

import ai.mezon.light.message.MessageAck;

/**
 * A user the page can write as: the simulated visitor of demo mode. Absent in real mode, where
 * the page only shows the bot's traffic.
 */
public interface VisitorChannel {

	/** @return the visitor's user name */
	String name();

	/** @return whether the visitor is connected and can send */
	boolean isReady();

	/**
	 * Sends a text to the bot as the visitor.
	 * @param text the text
	 * @return the server's acknowledgement; failed with {@link IllegalStateException} while the
	 * visitor is not connected yet
	 */
	CompletableFuture<MessageAck> send(String text);

}
