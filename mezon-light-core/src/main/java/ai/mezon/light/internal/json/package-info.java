/**
 * Small flat JSON documents (token payloads, the gateway's sign-in answer) read and written with
 * Jackson's streaming API, without the data-binding layer.
 */
@NullMarked
package ai.mezon.light.internal.json;

import org.jspecify.annotations.NullMarked;
