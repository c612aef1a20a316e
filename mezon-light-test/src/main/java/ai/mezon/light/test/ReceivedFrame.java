package ai.mezon.light.test;

import ai.mezon.light.proto.realtime.Envelope;

/**
 * A frame the test server received on its socket, kept for assertions.
 *
 * @param userId the sending user
 * @param connectionId the server's id of the connection (one per socket session)
 * @param cid the correlation id as sent ({@code ""} when absent)
 * @param legacyCid whether the cid came as a decimal string
 * @param envelope the decoded envelope
 */
public record ReceivedFrame(long userId, long connectionId, String cid, boolean legacyCid, Envelope envelope) {

	/** @return the kind of the envelope, e.g. {@code CHANNEL_MESSAGE_SEND} */
	public Envelope.MessageCase kind() {
		return this.envelope.getMessageCase();
	}

}
