package ai.mezon.light.internal.rest;

import com.google.protobuf.Message;

/**
 * An outgoing protobuf request body whose {@code toString()} shows only its type and size.
 *
 * <p>Spring's {@code RestClient} logs every body it writes at DEBUG ("Writing [...]"), using the
 * body's {@code toString()}; a protobuf message prints all its fields, and a refresh request's
 * fields include the refresh token. Requests therefore travel wrapped in this record.
 *
 * @param message the message to send
 */
public record ProtobufBody(Message message) {

	@Override
	public String toString() {
		return this.message.getDescriptorForType().getName() + " (" + this.message.getSerializedSize() + " bytes)";
	}

}
