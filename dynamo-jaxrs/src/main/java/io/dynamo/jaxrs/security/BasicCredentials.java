package io.dynamo.jaxrs.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Parsing of an HTTP Basic {@code Authorization} header. */
final class BasicCredentials {
    private BasicCredentials() {
    }

    /** {user, password}, or null when the header is not Basic credentials. */
    static String[] parse(String header) {
        if (header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A user name as an error may show it: printable and short. */
    static String shown(String user) {
        String printable = user.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= 64 ? printable : printable.substring(0, 64) + "...";
    }
}
