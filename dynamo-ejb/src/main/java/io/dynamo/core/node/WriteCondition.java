package io.dynamo.core.node;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a conditional put or delete requires of the key's current versions, as HTTP's {@code If-Match} and
 * {@code If-None-Match} state it: tags are {@link io.dynamo.core.version.Context#tag()}s, and "any" is {@code *}.
 * Each part is empty when not given.
 *
 * @param ifMatch     write only if the current tag is one of these
 * @param ifMatchAny  write only if the key has a value
 * @param ifNoneMatch write only if the current tag is none of these
 * @param ifAbsent    write only if the key has no value (never written, or deleted)
 */
public record WriteCondition(Set<String> ifMatch, boolean ifMatchAny, Set<String> ifNoneMatch, boolean ifAbsent) {
    public static final WriteCondition NONE = new WriteCondition(Set.of(), false, Set.of(), false);

    public WriteCondition {
        ifMatch = Set.copyOf(ifMatch);
        ifNoneMatch = Set.copyOf(ifNoneMatch);
    }

    /** Only if the key's current tag is {@code tag}. */
    public static WriteCondition matching(String tag) {
        return new WriteCondition(Set.of(Objects.requireNonNull(tag, "tag")), false, Set.of(), false);
    }

    /** Only if the key has no value. */
    public static WriteCondition absent() {
        return new WriteCondition(Set.of(), false, Set.of(), true);
    }

    public boolean isNone() {
        return ifMatch.isEmpty() && !ifMatchAny && ifNoneMatch.isEmpty() && !ifAbsent;
    }

    /**
     * Why the current versions fail the condition, or empty when they meet it.
     *
     * @param found whether the key has a live value
     * @param tag   the tag of the key's current context; empty for a key never written
     */
    public Optional<String> refusal(boolean found, Optional<String> tag) {
        String current = tag.map(t -> "\"" + t + "\"").orElse("none (never written)");
        if (ifMatchAny && !found) {
            return Optional.of("If-Match: * needs a value, and the key has none");
        }
        if (!ifMatch.isEmpty() && (tag.isEmpty() || !ifMatch.contains(tag.get()))) {
            return Optional.of("If-Match names another version than the key's current one, " + current);
        }
        if (ifAbsent && found) {
            return Optional.of("If-None-Match: * needs the key to be absent, and it has a value");
        }
        if (tag.isPresent() && ifNoneMatch.contains(tag.get())) {
            return Optional.of("If-None-Match names the key's current version, " + current);
        }
        return Optional.empty();
    }
}
