package io.dynamo.console.viewmodel;

import io.dynamo.api.ClockEntryBody;
import io.dynamo.api.DotBody;
import io.dynamo.api.VersionBody;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/** Wire values as an operator reads them: UTF-8 text where the bytes are text, base64 otherwise. */
final class Values {
    private Values() {
    }

    static String text(String base64) {
        if (base64 == null) {
            return "";
        }
        byte[] bytes = Base64.getDecoder().decode(base64);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "base64:" + base64;
        }
    }

    static String dot(DotBody dot) {
        return dot == null ? "?" : dot.actor() + ":" + dot.counter();
    }

    static String clock(List<ClockEntryBody> clock) {
        if (clock == null || clock.isEmpty()) {
            return "{}";
        }
        return clock.stream().map(e -> e.actor() + ":" + e.counter()).collect(Collectors.joining(", ", "{", "}"));
    }

    static SiblingItem item(VersionBody v) {
        return new SiblingItem(dot(v.dot()), text(v.value()), v.contentType(), v.tombstone(), v.superseded());
    }
}
