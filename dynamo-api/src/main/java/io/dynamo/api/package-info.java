/**
 * The REST API's contract, shared by the server and its clients: header names ({@link io.dynamo.api.DynamoHeaders}),
 * the JSON bodies ({@code *Body} records), the admin stream's event names ({@link io.dynamo.api.AdminEvents}), how a
 * key becomes a path segment and back ({@link io.dynamo.api.KeyPaths}), and the one error model
 * ({@link io.dynamo.api.ErrorBody} with an {@link io.dynamo.api.ErrorCode}). Depends on nothing but JSON-B
 * annotations.
 */
package io.dynamo.api;
