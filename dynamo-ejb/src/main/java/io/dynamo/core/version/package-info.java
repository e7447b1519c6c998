/**
 * Versions of a key: version vectors, dots, sibling sets (dotted version vector sets), the opaque client
 * context and their binary codecs.
 */
package io.dynamo.core.version;
