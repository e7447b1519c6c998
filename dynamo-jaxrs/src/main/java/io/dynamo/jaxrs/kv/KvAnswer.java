package io.dynamo.jaxrs.kv;

import java.util.Map;

/**
 * A key-value request's answer, apart from the framework that sends it (JAX-RS or the servlet path): its status,
 * headers and body, which is a value's raw bytes, a JSON document (a record JSON-B writes), or nothing.
 *
 * @param body               {@code byte[]} (sent as is, with {@code contentType}), a JSON record, or null
 * @param contentType        the body's type exactly as stored (raw bytes) or {@code application/json}; null
 *                           without a body
 * @param headers            more headers, in the order they are sent
 * @param lastModifiedMillis the Last-Modified time, or -1 for none
 */
record KvAnswer(int status, Object body, String contentType, Map<String, String> headers, long lastModifiedMillis) {
    static final String JSON = "application/json";

    boolean rawBody() {
        return body instanceof byte[];
    }
}
