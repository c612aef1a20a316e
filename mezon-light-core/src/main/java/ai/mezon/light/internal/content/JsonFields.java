package ai.mezon.light.internal.content;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

import ai.mezon.light.Ids;

/**
 * Lenient field access for the JSON forms of wire lists: a field may be spelled as in the proto
 * file ({@code user_id}) or in proto3's JSON mapping ({@code userId}), and an int64 id may be a
 * number or a decimal string (JavaScript cannot hold it as a number).
 */
final class JsonFields {

	private JsonFields() {
	}

	static @Nullable JsonNode field(JsonNode node, String snakeName) {
		JsonNode value = node.get(snakeName);
		if (value == null || value.isNull()) {
			value = node.get(camel(snakeName));
		}
		return (value != null && !value.isNull()) ? value : null;
	}

	static String string(JsonNode node, String snakeName) {
		JsonNode value = field(node, snakeName);
		return (value != null) ? value.asString() : "";
	}

	/** @return a string field's value, or a nested JSON document serialised (content may be either) */
	static String document(JsonNode node, String snakeName) {
		JsonNode value = field(node, snakeName);
		if (value == null) {
			return "";
		}
		return value.isContainer() ? value.toString() : value.asString();
	}

	/** @return the id as a decimal string, {@code ""} when absent or 0 (as {@code Ids.format} does) */
	static String id(JsonNode node, String snakeName) {
		String value = string(node, snakeName).trim();
		return value.equals("0") ? "" : value;
	}

	static int integer(JsonNode node, String snakeName) {
		JsonNode value = field(node, snakeName);
		return (value != null) ? value.asInt(0) : 0;
	}

	static boolean bool(JsonNode node, String snakeName) {
		JsonNode value = field(node, snakeName);
		return value != null && value.asBoolean(false);
	}

	private static String camel(String snakeName) {
		StringBuilder camel = new StringBuilder(snakeName.length());
		boolean upper = false;
		for (char c : snakeName.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

}
