package io.dynamo.jaxrs.admin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.ring.RingChange;
import io.dynamo.core.ring.RingSettings;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipRequestsTest {

    @Test
    void aJoinPlanNeedsOnlyTheNodeAndWeightDefaultsToOne() {
        assertThat(MembershipRequests.join(body("{\"node\": \"node-4\"}"), false))
                .isEqualTo(new MembershipChange("node-4", 1, 0));
        assertThat(MembershipRequests.join(body("{\"node\": \"n_5\", \"weight\": 3, \"extra\": [1]}"), false))
                .isEqualTo(new MembershipChange("n_5", 3, 0));
    }

    @Test
    void aCommitCarriesTheReviewedRingVersion() {
        assertThat(MembershipRequests.join(body("{\"node\":\"x\",\"weight\":2,\"ringVersion\":7}"), true))
                .isEqualTo(new MembershipChange("x", 2, 7));
        assertThat(MembershipRequests.leave(body("{\"node\":\"x\",\"ringVersion\":10}"), true))
                .isEqualTo(new MembershipChange("x", 1, 10));
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        refusedNaming(join(""), "the body is empty");
        refusedNaming(join("{\"node\": "), "not valid JSON");
        refusedNaming(join("node=x"), "not valid JSON");
        refusedNaming(join("[\"node\"]"), "JSON array, not an object");
        refusedNaming(join("\"x\""), "not an object");
        refusedNaming(() -> MembershipRequests.join(
                new ByteArrayInputStream(new byte[MembershipRequests.MAX_BODY_BYTES + 1]), false), "more than");
    }

    @Test
    void theNodeMustBeAValidNodeId() {
        refusedNaming(join("{}"), "field 'node' is missing");
        refusedNaming(join("{\"node\": null}"), "field 'node' is missing");
        for (String bad : new String[] {"\"\"", "\"a b\"", "\"é\"", "42", "{}", "\"" + "n".repeat(65) + "\""}) {
            refusedNaming(join("{\"node\": " + bad + "}"), "field 'node' = ");
        }
    }

    @Test
    void theWeightMustBeAPositiveInteger() {
        for (String bad : new String[] {"0", "-1", "1.5", "\"2\"", "true", "1048577", "3000000000",
            "99999999999999999999"}) {
            refusedNaming(join("{\"node\": \"x\", \"weight\": " + bad + "}"), "field 'weight' = ");
        }
    }

    @Test
    void aCommitWithoutAValidRingVersionIsRefused() {
        refusedNaming(() -> MembershipRequests.leave(body("{\"node\": \"x\"}"), true),
                "field 'ringVersion' is missing");
        for (String bad : new String[] {"0", "-3", "\"4\"", "2.5"}) {
            refusedNaming(() -> MembershipRequests.join(body("{\"node\": \"x\", \"ringVersion\": " + bad + "}"),
                    true), "field 'ringVersion' = ");
        }
    }

    @Test
    void aLeaveIgnoresAWeight() {
        assertThat(MembershipRequests.leave(body("{\"node\": \"x\", \"weight\": 0}"), false))
                .isEqualTo(new MembershipChange("x", 1, 0));
    }

    @Test
    void aRemoveAndAReplaceNameTheirNodes() {
        assertThat(MembershipRequests.remove(body("{\"node\": \"n3\"}"), false))
                .isEqualTo(new PlannedChanges(List.of(RingChange.remove("n3")), 0));
        assertThat(MembershipRequests.replace(body("{\"node\": \"n3\", \"with\": \"n5\", \"ringVersion\": 4}"),
                true)).isEqualTo(new PlannedChanges(List.of(RingChange.replace("n3", "n5")), 4));
        refusedNaming(() -> MembershipRequests.replace(body("{\"node\": \"n3\"}"), false),
                "field 'with' is missing");
        refusedNaming(() -> MembershipRequests.replace(body("{\"node\": \"n3\", \"with\": \"a b\"}"), false),
                "field 'with' = \"a b\" is invalid");
        refusedNaming(() -> MembershipRequests.replace(body("{\"node\": \"n3\", \"with\": \"n3\"}"), false),
                "cannot replace itself");
        refusedNaming(() -> MembershipRequests.remove(body("{\"node\": \"n3\"}"), true),
                "field 'ringVersion' is missing");
    }

    @Test
    void aPlanListsItsChangesInOrder() {
        assertThat(MembershipRequests.plan(body("{\"changes\": [{\"op\": \"join\", \"node\": \"n4\", \"weight\": 2},"
                + " {\"op\": \"leave\", \"node\": \"n1\"}, {\"op\": \"remove\", \"node\": \"n2\"},"
                + " {\"op\": \"replace\", \"node\": \"n3\", \"with\": \"n5\"}], \"ringVersion\": 9}"), true))
                .isEqualTo(new PlannedChanges(List.of(RingChange.join("n4", 2), RingChange.leave("n1"),
                        RingChange.remove("n2"), RingChange.replace("n3", "n5")), 9));
    }

    @Test
    void everyBadChangeOfAPlanIsNamedByItsPlace() {
        refusedNaming(plan("{}"), "field 'changes' = (missing)");
        refusedNaming(plan("{\"changes\": []}"), "field 'changes' = [] is invalid: it must be a non-empty array");
        refusedNaming(plan("{\"changes\": {\"op\": \"join\"}}"), "field 'changes' = ");
        refusedNaming(plan("{\"changes\": [1]}"), "field 'changes[0]' = 1 is invalid");
        refusedNaming(plan("{\"changes\": [{\"op\": \"leave\", \"node\": \"a\"},"
                + " {\"op\": \"grow\", \"node\": \"b\"}]}"),
                "field 'changes[1].op' = \"grow\" is invalid");
        refusedNaming(plan("{\"changes\": [{\"node\": \"b\"}]}"), "field 'changes[0].op' = (missing)");
        refusedNaming(plan("{\"changes\": [{\"op\": \"join\"}]}"), "field 'changes[0].node' is missing");
        refusedNaming(plan("{\"changes\": [{\"op\": \"join\", \"node\": \"b\", \"weight\": 0}]}"),
                "field 'changes[0].weight' = 0");
        refusedNaming(plan("{\"changes\": [{\"op\": \"replace\", \"node\": \"b\"}]}"),
                "field 'changes[0].with' is missing");
    }

    @Test
    void newSettingsGiveNRAndWEachFrom1ToNAlone() {
        assertThat(MembershipRequests.settings(body("{\"n\": 4, \"r\": 2, \"w\": 3, \"ringVersion\": 5}"), true))
                .isEqualTo(new PlannedChanges(List.of(RingChange.settings(new RingSettings(4, 2, 3))), 5));
        assertThat(MembershipRequests.plan(body("{\"changes\": [{\"op\": \"join\", \"node\": \"n4\"},"
                + " {\"op\": \"settings\", \"n\": 4, \"r\": 2, \"w\": 3}]}"), false).changes())
                .containsExactly(RingChange.join("n4", 1), RingChange.settings(new RingSettings(4, 2, 3)));

        refusedNaming(settings("{\"r\": 2, \"w\": 2}"), "field 'n' is missing; a change of settings gives N, R and W");
        refusedNaming(settings("{\"n\": 3, \"w\": 2}"), "field 'r' is missing");
        refusedNaming(settings("{\"n\": 3, \"r\": 2, \"w\": null}"), "field 'w' is missing");
        for (String bad : new String[] {"0", "-1", "2.5", "\"3\"", "true", "17", "99999999999999999999"}) {
            refusedNaming(settings("{\"n\": " + bad + ", \"r\": 1, \"w\": 1}"), "field 'n' = ");
        }
        refusedNaming(settings("{\"n\": 3, \"r\": 4, \"w\": 2}"), "field 'r' = 4 is invalid: R and W must be"
                + " from 1 to N (3)");
        refusedNaming(settings("{\"n\": 2, \"r\": 1, \"w\": 3}"), "field 'w' = 3 is invalid");
        refusedNaming(settings("[3, 2, 2]"), "JSON array, not an object");
        refusedNaming(() -> MembershipRequests.settings(body("{\"n\": 3, \"r\": 2, \"w\": 2}"), true),
                "field 'ringVersion' is missing");
        refusedNaming(plan("{\"changes\": [{\"op\": \"settings\", \"n\": 3, \"r\": 0, \"w\": 2}]}"),
                "field 'changes[0].r' = 0");
    }

    private static org.assertj.core.api.ThrowableAssert.ThrowingCallable settings(String json) {
        return () -> MembershipRequests.settings(body(json), false);
    }

    private static org.assertj.core.api.ThrowableAssert.ThrowingCallable plan(String json) {
        return () -> MembershipRequests.plan(body(json), false);
    }

    private static org.assertj.core.api.ThrowableAssert.ThrowingCallable join(String json) {
        return () -> MembershipRequests.join(body(json), false);
    }

    private static void refusedNaming(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String text) {
        assertThatThrownBy(call).isInstanceOf(InvalidRequestException.class).hasMessageContaining(text);
    }

    private static InputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(UTF_8));
    }
}
