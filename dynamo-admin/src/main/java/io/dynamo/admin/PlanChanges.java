package io.dynamo.admin;

import io.dynamo.api.PlanChangeBody;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changes of {@code plan}, one argument each: {@code join:NODE[:WEIGHT]}, {@code leave:NODE}, {@code remove:NODE},
 * {@code replace:NODE=NEW} and {@code settings:N/R/W}. Checked here so a typo costs no request.
 */
final class PlanChanges {
    static final String SYNTAX = "join:NODE[:WEIGHT], leave:NODE, remove:NODE, replace:NODE=NEW or settings:N/R/W";
    private static final Pattern JOIN = Pattern.compile("join:([^:]*)(?::(.*))?");
    private static final Pattern REPLACE = Pattern.compile("replace:([^=]*)=(.*)");
    private static final Pattern SETTINGS = Pattern.compile("settings:([0-9]+)/([0-9]+)/([0-9]+)");
    private static final Pattern WEIGHT = Pattern.compile("[0-9]{1,7}");

    private PlanChanges() {
    }

    static PlanChangeBody parse(String change) {
        Matcher join = JOIN.matcher(change);
        if (join.matches()) {
            return PlanChangeBody.of("join", PlanReview.nodeId(join.group(1)), weight(change, join.group(2)), null);
        }
        Matcher replace = REPLACE.matcher(change);
        if (replace.matches()) {
            return PlanChangeBody.of("replace", PlanReview.nodeId(replace.group(1)),
                    null, PlanReview.nodeId(replace.group(2)));
        }
        for (String op : new String[] {"leave", "remove"}) {
            if (change.startsWith(op + ":")) {
                return PlanChangeBody.of(op, PlanReview.nodeId(change.substring(op.length() + 1)), null, null);
            }
        }
        Matcher settings = SETTINGS.matcher(change);
        if (settings.matches()) {
            return settings(change, settings);
        }
        throw CliFailure.usage("'" + change + "' is not a change: give " + SYNTAX + ".");
    }

    private static Integer weight(String change, String weight) {
        if (weight == null) {
            return 1;
        }
        if (!WEIGHT.matcher(weight).matches() || Integer.parseInt(weight) < 1) {
            throw CliFailure.usage("'" + change + "': the weight must be a whole number of 1 or more; got '" + weight
                    + "'.");
        }
        return Integer.parseInt(weight);
    }

    private static PlanChangeBody settings(String change, Matcher m) {
        if (m.group(1).length() > 3 || m.group(2).length() > 3 || m.group(3).length() > 3) {
            throw CliFailure.usage("'" + change + "' are not settings: N must be 1 or more, R and W from 1 to N.");
        }
        int n = Integer.parseInt(m.group(1));
        int r = Integer.parseInt(m.group(2));
        int w = Integer.parseInt(m.group(3));
        if (n < 1 || r < 1 || w < 1 || r > n || w > n) {
            throw CliFailure.usage("'" + change + "' are not settings: N must be 1 or more, R and W from 1 to N.");
        }
        return new PlanChangeBody("settings", null, null, null, n, r, w);
    }
}
