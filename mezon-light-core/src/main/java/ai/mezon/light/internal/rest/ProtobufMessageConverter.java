package ai.mezon.light.internal.rest;

import java.io.IOException;
import java.io.InputStream;

import com.google.protobuf.Internal;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Reads and writes protobuf messages as {@code application/proto}, the media type Mezon uses.
 *
 * <p>Spring's {@code ProtobufHttpMessageConverter} only speaks {@code application/x-protobuf}
 * and, told to accept {@code application/proto}, silently writes an empty body; hence this small
 * converter of our own. It writes {@link Message}s and {@link ProtobufBody} wrappers (what the
 * client sends, so that Spring's DEBUG log of written bodies cannot show a token) and reads
 * {@link Message}s. Answers are read whether labelled {@code application/proto},
 * {@code application/x-protobuf}, {@code application/octet-stream} or not at all.
 */
public final class ProtobufMessageConverter extends AbstractHttpMessageConverter<Object> {

	/** The media type of every protobuf body of the Mezon REST API. */
	public static final MediaType APPLICATION_PROTO = MediaType.parseMediaType("application/proto");

	public ProtobufMessageConverter() {
		// Written as application/proto; read also under the types servers and proxies put on
		// protobuf answers (a missing Content-Type is read as octet-stream by Spring).
		super(APPLICATION_PROTO, MediaType.parseMediaType("application/x-protobuf"),
				MediaType.APPLICATION_OCTET_STREAM);
	}

	@Override
	protected boolean supports(Class<?> clazz) {
		return Message.class.isAssignableFrom(clazz) || ProtobufBody.class == clazz;
	}

	@Override
	public boolean canRead(Class<?> clazz, @Nullable MediaType mediaType) {
		return Message.class.isAssignableFrom(clazz) && canRead(mediaType);
	}

	@Override
	protected Object readInternal(Class<?> clazz, HttpInputMessage inputMessage) throws IOException {
		Message prototype = Internal.getDefaultInstance(clazz.asSubclass(Message.class));
		try (InputStream body = inputMessage.getBody()) {
			return prototype.getParserForType().parseFrom(body);
		}
		catch (InvalidProtocolBufferException ex) {
			// The exception's message describes the wire problem, never the bytes themselves.
			throw new HttpMessageNotReadableException("Invalid " + clazz.getSimpleName() + " body", ex, inputMessage);
		}
	}

	@Override
	protected void writeInternal(Object body, HttpOutputMessage outputMessage) throws IOException {
		message(body).writeTo(outputMessage.getBody());
	}

	@Override
	protected @Nullable Long getContentLength(Object body, @Nullable MediaType contentType) {
		// A known length avoids chunked transfer encoding, which some gateways dislike.
		return (long) message(body).getSerializedSize();
	}

	private static Message message(Object body) {
		return (body instanceof ProtobufBody wrapped) ? wrapped.message() : (Message) body;
	}

}
