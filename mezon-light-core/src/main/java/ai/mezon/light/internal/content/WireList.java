package ai.mezon.light.internal.content;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.google.protobuf.ByteString;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import ai.mezon.light.message.ChannelMessage;

/**
 * The two forms of a list carried in a {@code bytes} field of {@code ChannelMessage} (PROTOCOL.md
 * §4): JSON when the first byte is {@code [} or <code>{</code> (an array, or an object holding the
 * array under one of a few names), else an encoded protobuf list message.
 */
final class WireList {

	private WireList() {
	}

	static boolean isJson(ByteString bytes) {
		byte first = bytes.byteAt(0);
		return first == '[' || first == '{';
	}

	/**
	 * @param bytes JSON bytes
	 * @param what the list's name, for error messages
	 * @param element maps one JSON element
	 * @param arrayNames the names an enclosing object may hold the array under
	 */
	static <T> List<T> decodeJson(ByteString bytes, String what, Function<JsonNode, T> element,
			String... arrayNames) {
		JsonNode root;
		try {
			root = ContentCodec.mapper().readTree(bytes.toStringUtf8());
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(what + " JSON is malformed: " + ex.getOriginalMessage(), ex);
		}
		JsonNode array = root.isArray() ? root : null;
		for (int i = 0; array == null && i < arrayNames.length; i++) {
			JsonNode candidate = root.get(arrayNames[i]);
			if (candidate != null && candidate.isArray()) {
				array = candidate;
			}
		}
		List<T> result = new ArrayList<>();
		if (array != null) {
			for (JsonNode node : array) {
				if (node.isObject()) {
					result.add(element.apply(node));
				}
			}
		}
		return List.copyOf(result);
	}

}
