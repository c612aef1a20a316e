/**
 * The public codec surface: how the SDK reads and writes the Mezon wire, for code that speaks
 * the protocol itself rather than through {@link ai.mezon.light.LightSocket}, such as the test
 * server in {@code mezon-light-test}, protocol tests and benchmarks.
 *
 * <ul>
 * <li>{@link ai.mezon.light.codec.EnvelopeFrames}: one socket frame per
 * {@link ai.mezon.light.proto.realtime.Envelope}, with both {@code cid} encodings of PROTOCOL.md
 * §4 ({@code int32} and the legacy decimal string).</li>
 * <li>{@link ai.mezon.light.codec.MessageContents}: the content string of a message (a JSON
 * document such as {@code {"t":"hi"}}) to and from its text.</li>
 * <li>{@link ai.mezon.light.codec.MessageParts}: the attachment, mention and reference lists a
 * message carries (JSON or protobuf bytes on the wire) to and from the SDK's
 * {@link ai.mezon.light.message.Attachment}, {@link ai.mezon.light.message.Mention} and
 * {@link ai.mezon.light.message.MessageReference}.</li>
 * </ul>
 *
 * Every method decodes exactly as the SDK's own socket does: these classes delegate to the
 * implementation the socket uses, so a test written against them sees the SDK's behaviour. All
 * are stateless and thread-safe.
 */
@NullMarked
package ai.mezon.light.codec;

import org.jspecify.annotations.NullMarked;
