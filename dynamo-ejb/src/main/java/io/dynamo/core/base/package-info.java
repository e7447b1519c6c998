/**
 * The ground of the core: keys ({@link io.dynamo.core.base.Key} with its MD5) and the exceptions every layer
 * raises ({@link io.dynamo.core.base.DynamoException} and the input errors the REST API maps to 4xx). Depends on
 * nothing but the JDK; every other package may import it.
 */
package io.dynamo.core.base;
