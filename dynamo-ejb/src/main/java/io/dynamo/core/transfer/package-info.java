/**
 * Moving data when the ring changes: which node streams which partition to whom (a pure plan from the old and new
 * ring), the streaming itself in acknowledged batches, and the old owner's drop of exactly what its new owners
 * confirmed. Progress is kept per partition for the admin API.
 */
package io.dynamo.core.transfer;
