/**
 * Decoding of the unverified JWT payloads the client reads expiry and identity from.
 */
@NullMarked
package ai.mezon.light.internal.jwt;

import org.jspecify.annotations.NullMarked;
