/**
 * {@code /kv/{key}}: get, put and delete of one key.
 *
 * <p>Keys on the wire: the path segment is percent-decoded strictly, and the resulting bytes must be valid UTF-8;
 * they are the key's bytes. Bytes that are not UTF-8 ({@code %FF}) answer 400 {@code invalid_key}; so would a
 * malformed escape ({@code %zz}), but Payara's HTTP listener fails on those before the API sees them (it logs the
 * error and sends an empty answer). {@code +} is a literal plus; {@code /} and {@code ;} inside a key must be sent as {@code %2F} and
 * {@code %3B} (an unencoded {@code ;} starts a matrix parameter, which is dropped). {@code /kv} or {@code /kv/} (the
 * empty key) answers 400 {@code invalid_key}, like any key the node refuses. Keys are UTF-8 text over HTTP; arbitrary
 * binary keys are not reachable through this API.
 *
 * <p>This needs the listener to pass URIs through byte for byte ({@code uri-encoding=ISO-8859-1}, set by
 * {@code config/payara-preboot.txt}); with Payara's default a key that is not UTF-8 gets an empty 400 from the
 * listener instead of the JSON answer.
 *
 * <p>Query parameters: {@code r} and {@code w} must be integers (else 400 {@code invalid_parameter}); the node
 * checks that they are within 1..N (else 400 {@code invalid_quorum}). Both are checked on every method, each is
 * used where it means something (r by get, w by put and delete). Unknown parameters are ignored, so that clients
 * written against later versions keep working.
 */
package io.dynamo.jaxrs.kv;
