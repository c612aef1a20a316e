/**
 * The REST side of the test server: gateway authenticate, the {@code mezon.api.Mezon/*} calls
 * and the presigned upload store, as servlets on the server's embedded Tomcat.
 */
@NullMarked
package ai.mezon.light.test.internal.rest;

import org.jspecify.annotations.NullMarked;
