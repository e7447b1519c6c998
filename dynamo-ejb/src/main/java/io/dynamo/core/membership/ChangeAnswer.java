package io.dynamo.core.membership;

import io.dynamo.core.transport.Message;

/**
 * The claimant's answer to a {@link ChangeRequest} or {@link PlanRequest}: committed as ring {@code ringVersion},
 * or refused, with the admin API's error code ({@code stale_plan}, {@code ring_changing}, {@code join_refused},
 * {@code change_refused}, {@code invalid_request}), what was wrong, and the claimant's ring version.
 */
public record ChangeAnswer(String refusal, String detail, long ringVersion) implements Message {
    public static final String STALE_PLAN = "stale_plan";
    public static final String RING_CHANGING = "ring_changing";
    public static final String JOIN_REFUSED = "join_refused";
    public static final String CHANGE_REFUSED = "change_refused";
    public static final String INVALID_REQUEST = "invalid_request";

    static ChangeAnswer committed(long ringVersion) {
        return new ChangeAnswer("", "", ringVersion);
    }

    public boolean committed() {
        return refusal.isEmpty();
    }
}
