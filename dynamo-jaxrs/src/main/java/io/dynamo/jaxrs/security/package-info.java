/**
 * Who may call what. {@link io.dynamo.jaxrs.security.AccessFilter} checks HTTP Basic credentials against Jakarta
 * Security's identity stores (by default {@link io.dynamo.jaxrs.security.SettingsIdentityStore}, the users named in
 * the node's settings, {@link io.dynamo.jaxrs.security.SecuritySettings}) and lets a request through only with the
 * role its path needs ({@link io.dynamo.jaxrs.security.AccessPolicy}), answering the API's JSON errors otherwise.
 */
package io.dynamo.jaxrs.security;
