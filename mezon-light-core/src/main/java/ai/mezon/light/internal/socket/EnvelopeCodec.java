package ai.mezon.light.internal.socket;

import java.util.List;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;

import ai.mezon.light.proto.realtime.Envelope;

/**
 * Encodes and decodes one {@link Envelope} per binary frame, with both {@code cid} encodings of
 * PROTOCOL.md §4: {@code int32} (tag byte {@code 0x08}, current servers) and the legacy decimal
 * string in the same field number (tag byte {@code 0x0A}, older servers and every published JS
 * client).
 *
 * <p>No hand-written codec is needed: the generated parser cannot store a length-delimited value
 * in the {@code int32} field, so it keeps it as an unknown field 1, which is read back here; the
 * legacy form is written by putting a length-delimited field 1 into the unknown field set.
 * Unknown envelope fields (other event kinds of real servers) are skipped by the generated parser.
 */
public final class EnvelopeCodec {

	private static final int CID_FIELD = 1;

	private EnvelopeCodec() {
	}

	/**
	 * Decodes a frame.
	 * @param frame the frame's bytes
	 * @return the envelope and how its {@code cid} was encoded
	 * @throws InvalidProtocolBufferException if the bytes are not an envelope
	 */
	public static Decoded decode(byte[] frame) throws InvalidProtocolBufferException {
		return decode(Envelope.parseFrom(frame));
	}

	/**
	 * Decodes a frame.
	 * @param frame the frame's bytes
	 * @return the envelope and how its {@code cid} was encoded
	 * @throws InvalidProtocolBufferException if the bytes are not an envelope
	 */
	public static Decoded decode(ByteString frame) throws InvalidProtocolBufferException {
		return decode(Envelope.parseFrom(frame));
	}

	private static Decoded decode(Envelope envelope) {
		UnknownFieldSet unknown = envelope.getUnknownFields();
		if (unknown.hasField(CID_FIELD)) {
			List<ByteString> strings = unknown.getField(CID_FIELD).getLengthDelimitedList();
			if (!strings.isEmpty()) {
				// Last one wins, as protobuf does for repeated occurrences of a scalar field.
				String cid = strings.get(strings.size() - 1).toStringUtf8();
				Envelope clean = envelope.toBuilder()
					.setUnknownFields(UnknownFieldSet.newBuilder(unknown).clearField(CID_FIELD).build())
					.build();
				return new Decoded(clean, cid, true);
			}
		}
		return new Decoded(envelope, (envelope.getCid() != 0) ? Integer.toString(envelope.getCid()) : "", false);
	}

	/**
	 * Encodes an envelope with a {@code cid}.
	 * @param envelope the envelope; its own {@code cid} is ignored
	 * @param cid the correlation id, {@code ""} for none (server pushes)
	 * @param legacy whether to write the {@code cid} as a decimal string
	 * @return the frame's bytes
	 * @throws NumberFormatException if {@code legacy} is {@code false} and the cid is not an int32
	 */
	public static byte[] encode(Envelope envelope, String cid, boolean legacy) {
		Envelope.Builder builder = envelope.toBuilder().clearCid();
		if (!cid.isEmpty()) {
			if (legacy) {
				UnknownFieldSet.Field field = UnknownFieldSet.Field.newBuilder()
					.addLengthDelimited(ByteString.copyFromUtf8(cid))
					.build();
				builder.setUnknownFields(UnknownFieldSet.newBuilder(envelope.getUnknownFields())
					.clearField(CID_FIELD)
					.addField(CID_FIELD, field)
					.build());
			}
			else {
				builder.setCid(Integer.parseInt(cid));
			}
		}
		return builder.build().toByteArray();
	}

	/**
	 * Encodes an envelope with a numeric {@code cid}.
	 * @param envelope the envelope
	 * @param cid the correlation id, 0 for none
	 * @param legacy whether to write it as a decimal string
	 * @return the frame's bytes
	 */
	public static byte[] encode(Envelope envelope, int cid, boolean legacy) {
		if (cid <= 0 || envelope.getCid() != 0 || envelope.getUnknownFields().hasField(CID_FIELD)) {
			return encode(envelope, (cid != 0) ? Integer.toString(cid) : "", legacy);
		}
		// The common case (a request built without a cid): the cid field is written in front of the
		// envelope's own bytes, which parse as one message (fields may come in any order; field 1
		// first is the canonical order anyway), with no copy of the envelope through a builder.
		try {
			String legacyCid = legacy ? Integer.toString(cid) : null;
			int cidSize = (legacyCid != null) ? CodedOutputStream.computeStringSize(CID_FIELD, legacyCid)
					: CodedOutputStream.computeInt32Size(CID_FIELD, cid);
			byte[] frame = new byte[cidSize + envelope.getSerializedSize()];
			CodedOutputStream out = CodedOutputStream.newInstance(frame);
			if (legacyCid != null) {
				out.writeString(CID_FIELD, legacyCid);
			}
			else {
				out.writeInt32(CID_FIELD, cid);
			}
			envelope.writeTo(out);
			out.checkNoSpaceLeft();
			return frame;
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Encoding an envelope into an array failed", ex);
		}
	}

	/**
	 * A decoded frame.
	 * @param envelope the envelope, without the legacy {@code cid} in its unknown fields
	 * @param cid the correlation id as sent, {@code ""} when absent
	 * @param legacyCid whether the {@code cid} came as a decimal string
	 */
	public record Decoded(Envelope envelope, String cid, boolean legacyCid) {

		/** @return whether the frame carries a correlation id (a reply rather than a push) */
		public boolean hasCid() {
			return !this.cid.isEmpty() && !this.cid.equals("0");
		}

		/** @return the cid as a number, or -1 when it is absent or not a decimal int32 */
		public int numericCid() {
			try {
				return hasCid() ? Integer.parseInt(this.cid.trim()) : -1;
			}
			catch (NumberFormatException ex) {
				return -1;
			}
		}

	}

}
