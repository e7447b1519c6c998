package io.dynamo.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan as clients read it back: every kind of change survives JSON both ways, absent fields left out. */
class PlanBodyTest {
    @Test
    void aPlanOfEveryKindOfChangeReadsBackAsWritten() throws Exception {
        PlanBody plan = new PlanBody("n1", "plan", null, null, false, 3, 4, List.of(new MoveBody(1, "n2", "n4")),
                List.of(new PartitionCountBody("n4", 0, 1)), List.of(PlanChangeBody.of("join", "n4", 2, null),
                        PlanChangeBody.of("replace", "n2", null, "n5"),
                        new PlanChangeBody("settings", null, null, null, 4, 2, 3)));
        try (Jsonb json = JsonbBuilder.create()) {
            String text = json.toJson(plan);
            assertThat(text).contains("{\"op\":\"settings\",\"n\":4,\"r\":2,\"w\":3}")
                    .contains("{\"op\":\"join\",\"node\":\"n4\",\"weight\":2}");
            assertThat(json.fromJson(text, PlanBody.class)).isEqualTo(plan);
        }
    }
}
