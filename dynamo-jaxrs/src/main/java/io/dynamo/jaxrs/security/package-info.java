/**
 * Who may call what. Jakarta Security authenticates HTTP Basic credentials against the users named in the node's
 * settings ({@link io.dynamo.jaxrs.security.SecuritySettings}); {@link io.dynamo.jaxrs.security.AccessFilter}
 * then lets a request through only with the role its path needs ({@link io.dynamo.jaxrs.security.AccessPolicy}),
 * answering the API's JSON errors otherwise.
 */
package io.dynamo.jaxrs.security;
