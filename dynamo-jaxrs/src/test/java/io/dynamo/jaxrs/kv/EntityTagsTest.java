package io.dynamo.jaxrs.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.node.WriteCondition;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.VectorClock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityTagsTest {
    private static final String A = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final String B = "b-b_bbbbbbbbbbbbbbbbbb";

    @Test
    void theEtagIsTheContextsTagQuotedAndAKeyNeverWrittenHasNone() {
        Context c = new Context(VectorClock.of(List.of(new VectorClock.Entry("n1.x", 2, 10))));
        assertThat(EntityTags.of(c)).hasValue("\"" + c.tag().orElseThrow() + "\"");
        assertThat(EntityTags.of(Context.EMPTY)).isEmpty();
    }

    @Test
    void headersBecomeTheConditionTheyState() {
        assertThat(EntityTags.condition(null, null)).isEqualTo(WriteCondition.NONE);
        assertThat(EntityTags.condition(List.of(), List.of())).isEqualTo(WriteCondition.NONE);
        assertThat(EntityTags.condition(List.of("\"" + A + "\""), null)).isEqualTo(WriteCondition.matching(A));
        assertThat(EntityTags.condition(null, List.of(" * "))).isEqualTo(WriteCondition.absent());
        assertThat(EntityTags.condition(List.of("*"), null).ifMatchAny()).isTrue();
        assertThat(EntityTags.condition(List.of("\"" + A + "\" , \"" + B + "\""), null).ifMatch())
                .isEqualTo(Set.of(A, B));
        assertThat(EntityTags.condition(List.of("\"" + A + "\"", "\"" + B + "\""), List.of("\"" + A + "\"")))
                .isEqualTo(new WriteCondition(Set.of(A, B), false, Set.of(A), false));
    }

    @Test
    void anythingButStarOrThisApisStrongEtagsIsMalformed() {
        for (String bad : List.of("", " ", A, "\"" + A, "W/\"" + A + "\"", "\"short\"", "\"" + A + "A\"",
                "\"" + A.replace('A', '+') + "\"", "*, \"" + A + "\"", "\"" + A + "\",", "**")) {
            assertThatThrownBy(() -> EntityTags.condition(List.of(bad), null)).as(bad)
                    .isInstanceOf(MalformedEtagException.class).hasMessageContaining("If-Match");
            assertThatThrownBy(() -> EntityTags.condition(null, List.of(bad))).as(bad)
                    .isInstanceOf(MalformedEtagException.class).hasMessageContaining("If-None-Match");
        }
    }
}
