package ai.mezon.light.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import ai.mezon.light.internal.socket.EnvelopeCodec;
import ai.mezon.light.proto.realtime.Envelope;

/**
 * Encodes and decodes socket frames: one {@link Envelope} per binary WebSocket frame, with the
 * correlation id ({@code cid}) in either encoding of PROTOCOL.md §4:
 * <ul>
 * <li>{@code int32} (tag byte {@code 0x08}): what current servers and this SDK send;</li>
 * <li>a decimal string in the same field number (tag byte {@code 0x0A}): older servers and every
 * published JavaScript client. A server must answer in the encoding the request used, which is
 * why {@link Frame#legacyCid()} is kept.</li>
 * </ul>
 * A frame without a {@code cid} is a push; a frame with one is a request or its answer.
 *
 * <p>Stateless and thread-safe; the same bytes the SDK's socket reads and writes.
 */
public final class EnvelopeFrames {

	private EnvelopeFrames() {
	}

	/**
	 * Decodes a frame.
	 * @param frame the frame's bytes
	 * @return the envelope and its {@code cid} as sent
	 * @throws InvalidProtocolBufferException if the bytes are not an envelope
	 */
	public static Frame decode(byte[] frame) throws InvalidProtocolBufferException {
		return of(EnvelopeCodec.decode(frame));
	}

	/**
	 * Decodes a frame.
	 * @param frame the frame's bytes
	 * @return the envelope and its {@code cid} as sent
	 * @throws InvalidProtocolBufferException if the bytes are not an envelope
	 */
	public static Frame decode(ByteString frame) throws InvalidProtocolBufferException {
		return of(EnvelopeCodec.decode(frame));
	}

	private static Frame of(EnvelopeCodec.Decoded decoded) {
		return new Frame(decoded.envelope(), decoded.cid(), decoded.legacyCid());
	}

	/**
	 * Encodes a push: an envelope without {@code cid} (both encodings are then the same bytes).
	 * @param envelope the envelope; its own {@code cid} is cleared
	 * @return the frame's bytes
	 */
	public static byte[] encodePush(Envelope envelope) {
		return EnvelopeCodec.encode(envelope, "", false);
	}

	/**
	 * Encodes an envelope with a {@code cid}.
	 * @param envelope the envelope; its own {@code cid} is replaced
	 * @param cid the correlation id, {@code ""} for none
	 * @param legacy whether to write the {@code cid} as a decimal string (tag {@code 0x0A}) rather
	 * than an {@code int32} (tag {@code 0x08})
	 * @return the frame's bytes
	 * @throws IllegalArgumentException if {@code legacy} is {@code false} and the {@code cid} is not
	 * a decimal {@code int32}
	 */
	public static byte[] encode(Envelope envelope, String cid, boolean legacy) {
		try {
			return EnvelopeCodec.encode(envelope, cid, legacy);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("cid '" + cid + "' is not an int32; encode it as legacy (string)", ex);
		}
	}

	/**
	 * Encodes an envelope with a numeric {@code cid}.
	 * @param envelope the envelope; its own {@code cid} is replaced
	 * @param cid the correlation id, 0 for none
	 * @param legacy whether to write it as a decimal string
	 * @return the frame's bytes
	 */
	public static byte[] encode(Envelope envelope, int cid, boolean legacy) {
		return EnvelopeCodec.encode(envelope, cid, legacy);
	}

	/**
	 * Encodes an answer in the {@code cid} encoding of the request it answers.
	 * @param answer the answer envelope
	 * @param request the decoded request
	 * @return the frame's bytes
	 */
	public static byte[] encodeAnswer(Envelope answer, Frame request) {
		return EnvelopeCodec.encode(answer, request.cid(), request.legacyCid());
	}

	/**
	 * A decoded frame.
	 * @param envelope the envelope; a legacy string {@code cid} is removed from its unknown fields,
	 * and an {@code int32} one is left in {@link Envelope#getCid()}
	 * @param cid the correlation id as sent, {@code ""} when absent
	 * @param legacyCid whether the {@code cid} came as a decimal string
	 */
	public record Frame(Envelope envelope, String cid, boolean legacyCid) {

		/** @return whether the frame carries a correlation id (a request or an answer, not a push) */
		public boolean hasCid() {
			return !this.cid.isEmpty() && !this.cid.equals("0");
		}

		/** @return the kind of the envelope, e.g. {@code CHANNEL_MESSAGE_SEND} */
		public Envelope.MessageCase kind() {
			return this.envelope.getMessageCase();
		}

	}

}
