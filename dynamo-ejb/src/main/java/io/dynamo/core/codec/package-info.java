/** Compact binary building blocks (varints, length-prefixed strings) shared by the context, storage and wire codecs. */
package io.dynamo.core.codec;
