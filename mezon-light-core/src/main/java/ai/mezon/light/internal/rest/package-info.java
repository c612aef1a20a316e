/**
 * The REST side of the protocol on Spring's {@code RestClient}: protobuf bodies as
 * {@code application/proto}, JSON for the gateway, errors mapped to the SDK's exceptions.
 */
@NullMarked
package ai.mezon.light.internal.rest;

import org.jspecify.annotations.NullMarked;
