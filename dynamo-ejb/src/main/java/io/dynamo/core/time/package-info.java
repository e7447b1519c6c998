/** Time and scheduling as interfaces, so that simulations run whole clusters on a manual clock. */
package io.dynamo.core.time;
