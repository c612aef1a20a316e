/**
 * Helpers of {@code LightClient.uploadFile}: content type guessing and image dimensions.
 */
@NullMarked
package ai.mezon.light.internal.upload;

import org.jspecify.annotations.NullMarked;

import ai.mezon.light.LightClient;
