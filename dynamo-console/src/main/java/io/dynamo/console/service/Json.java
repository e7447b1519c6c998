package io.dynamo.console.service;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/** JSON-B over the API's wire records ({@code io.dynamo.api}); fields without a value stay out. */
public final class Json {
    private static final Jsonb JSONB = JsonbBuilder.create();

    private Json() {
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return JSONB.fromJson(json, type);
        } catch (JsonbException e) {
            throw new IllegalArgumentException("unexpected answer for " + type.getSimpleName() + ": " + abbreviate(json), e);
        }
    }

    public static String write(Object value) {
        return JSONB.toJson(value);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
