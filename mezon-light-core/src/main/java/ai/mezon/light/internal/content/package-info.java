/**
 * Message content (a JSON document carried as a string) and attachment lists (JSON or protobuf
 * bytes): the lenient decoding PROTOCOL.md §4 asks for, and the encoding of outgoing ones.
 */
@NullMarked
package ai.mezon.light.internal.content;

import org.jspecify.annotations.NullMarked;
