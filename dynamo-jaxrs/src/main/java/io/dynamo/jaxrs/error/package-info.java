/**
 * Every failure becomes a JSON {@link io.dynamo.api.ErrorBody} with a fitting status; no answer ever carries a
 * stack trace. Core exceptions map by type, JAX-RS's own exceptions keep their status, anything else is a 500 whose
 * details go to the log under an incident id. Two filters catch malformed media-type headers, which JAX-RS would
 * otherwise refuse with the container's HTML page.
 */
package io.dynamo.jaxrs.error;
