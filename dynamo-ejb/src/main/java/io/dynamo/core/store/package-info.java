/** The storage contract every engine meets, and the in-memory engine used by simulations and tests. */
package io.dynamo.core.store;
