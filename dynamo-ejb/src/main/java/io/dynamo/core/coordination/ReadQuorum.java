package io.dynamo.core.coordination;

import io.dynamo.core.version.SiblingSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Merges a read's replies and counts them against R; remembers who answered what, for read repair. */
public final class ReadQuorum {
    private final int required;
    private final Map<Target, SiblingSet> answers = new LinkedHashMap<>();
    private SiblingSet merged = SiblingSet.EMPTY;
    private int outstanding;
    private boolean repairClaimed;

    public ReadQuorum(int required) {
        this.required = required;
    }

    public void sent() {
        outstanding++;
    }

    public void answered(Target from, SiblingSet versions) {
        outstanding--;
        answers.put(from, versions);
        merged = merged.merge(versions);
    }

    public void failed() {
        outstanding--;
    }

    public boolean reached() {
        return answers.size() >= required;
    }

    public boolean unreachable(int replacements) {
        return answers.size() + outstanding + replacements < required;
    }

    /** Whether some answer differs from the merge of all of them: a copy is stale somewhere. */
    public boolean disagree() {
        return answers.values().stream().anyMatch(a -> !a.equals(merged));
    }

    public boolean settled() {
        return outstanding == 0;
    }

    /** True the first time only: read repair runs once, when every reply is in. */
    public boolean claimRepair() {
        if (repairClaimed || outstanding > 0) {
            return false;
        }
        repairClaimed = true;
        return true;
    }

    public SiblingSet merged() {
        return merged;
    }

    /** In reply order: read repair follows it, so a seeded simulation repeats it in every JVM (Map.copyOf does not). */
    public Map<Target, SiblingSet> answers() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    public int answeredCount() {
        return answers.size();
    }

    public int required() {
        return required;
    }
}
