/** MicroProfile Health checks, served by Payara at {@code /health}, {@code /health/ready} and {@code /health/live}. */
package io.dynamo.jaxrs.health;
