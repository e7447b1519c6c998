/**
 * The wire format of the API: header names and the JSON bodies. Shared with clients (the console uses the
 * {@code classes} jar of this module), so these types depend on nothing but JSON-B annotations.
 */
package io.dynamo.jaxrs.api;
