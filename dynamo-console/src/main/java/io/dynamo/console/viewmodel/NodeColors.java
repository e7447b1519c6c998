package io.dynamo.console.viewmodel;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Collection;

/** One colour per node, by the node's place in the sorted set of names, so the colours stay put across events. */
public final class NodeColors {
    private static final List<String> PALETTE = List.of("#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#edc948",
            "#76b7b2", "#e15759", "#9c755f", "#ff9da7", "#bab0ac");
    private final Map<String, String> colors = new TreeMap<>();

    public NodeColors(Collection<String> nodes) {
        int i = 0;
        for (String node : new TreeSet<>(nodes)) {
            colors.put(node, PALETTE.get(i++ % PALETTE.size()));
        }
    }

    public String of(String node) {
        return colors.getOrDefault(node, "#888888");
    }
}
