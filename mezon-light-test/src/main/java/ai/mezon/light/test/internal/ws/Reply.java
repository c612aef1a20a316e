package ai.mezon.light.test.internal.ws;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.mezon.light.codec.EnvelopeFrames;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.proto.realtime.Error;

/**
 * Where and how to answer one request: its connection, and its {@code cid} in the encoding the
 * request used (PROTOCOL.md §4).
 *
 * @param connection the requesting connection
 * @param cid the request's correlation id, {@code ""} when absent
 * @param legacy whether it came as a decimal string
 */
record Reply(ClientConnection connection, String cid, boolean legacy) {

	private static final Logger logger = LoggerFactory.getLogger(Reply.class);

	void send(Envelope envelope) {
		try {
			this.connection.enqueue(EnvelopeFrames.encode(envelope, this.cid, this.legacy));
		}
		catch (IllegalArgumentException ex) {
			logger.debug("Cannot answer cid '{}' in int32 form", this.cid);
			this.connection.enqueue(EnvelopeFrames.encode(envelope, this.cid, true));
		}
	}

	void refuse(Refused refusal) {
		send(error(refusal.code, refusal.getMessage()));
	}

	static Envelope error(int code, String message) {
		return Envelope.newBuilder().setError(Error.newBuilder().setCode(code).setMessage(message)).build();
	}

}
