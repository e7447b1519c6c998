/** JetBrains Xodus adapters: the node's durable stores. */
package io.dynamo.infra.xodus;
