/**
 * {@link io.dynamo.client.DynamoClient} for CDI applications: inject it, configured from MicroProfile Config
 * ({@code dynamo.client.*}); see docs/client.md, "In a Jakarta EE application".
 */
package io.dynamo.client.cdi;
