package io.dynamo.core.ring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses which receiver takes each partition of a leaving node, once the number each receives is fixed. A partition
 * should not go to the owner of a neighbouring partition, or preference lists would have to walk further to find N
 * distinct nodes. A greedy pass picks the receiver least present around each partition; a swap pass then trades
 * receivers between pairs of partitions while that lowers the clash cost.
 */
final class Handout {
    private static final int WINDOW = 2;
    private static final int SWAP_PASSES = 3;
    // Bounds the swap search so a huge Q with few receivers (where most clashes are unavoidable) stays fast.
    private static final int SWAP_CANDIDATES = 64;

    private Handout() {
    }

    /** Reassigns {@code partitions} in {@code owners}; {@code receives} says how many each receiver takes. */
    static void assign(String[] owners, List<Integer> partitions, Map<String, Integer> receives) {
        Map<String, Integer> left = new HashMap<>(receives);
        Map<String, List<Integer>> byReceiver = new TreeMap<>();
        for (int p : partitions) {
            Comparator<String> best = Comparator.<String>comparingInt(r -> cost(owners, p, r))
                    .thenComparing(Comparator.<String>comparingInt(left::get).reversed())
                    .thenComparing(Comparator.naturalOrder());
            String receiver = left.keySet().stream().filter(r -> left.get(r) > 0).min(best).orElseThrow();
            left.merge(receiver, -1, Integer::sum);
            owners[p] = receiver;
            byReceiver.computeIfAbsent(receiver, r -> new ArrayList<>()).add(p);
        }
        for (int pass = 0; pass < SWAP_PASSES && improve(owners, partitions, byReceiver); pass++) {
            // A swap is kept only when it lowers the local clash cost; a few passes settle it.
        }
    }

    private static boolean improve(String[] owners, List<Integer> partitions, Map<String, List<Integer>> byReceiver) {
        boolean improved = false;
        for (int p : partitions) {
            String mine = owners[p];
            if (cost(owners, p, mine) == 0) {
                continue;
            }
            for (Map.Entry<String, List<Integer>> other : byReceiver.entrySet()) {
                String theirs = other.getKey();
                if (theirs.equals(mine) || cost(owners, p, theirs) >= cost(owners, p, mine)) {
                    continue;
                }
                int swapped = trySwap(owners, p, other.getValue());
                if (swapped >= 0) {
                    byReceiver.get(mine).remove(Integer.valueOf(p));
                    byReceiver.get(mine).add(swapped);
                    other.getValue().remove(Integer.valueOf(swapped));
                    other.getValue().add(p);
                    improved = true;
                    break;
                }
            }
        }
        return improved;
    }

    /** Swaps the owner of p with that of one of {@code candidates} if the clash cost drops; returns it, or -1. */
    private static int trySwap(String[] owners, int p, List<Integer> candidates) {
        for (int c : candidates.subList(0, Math.min(SWAP_CANDIDATES, candidates.size()))) {
            int before = cost(owners, p, owners[p]) + cost(owners, c, owners[c]);
            swap(owners, p, c);
            if (cost(owners, p, owners[p]) + cost(owners, c, owners[c]) < before) {
                return c;
            }
            swap(owners, p, c);
        }
        return -1;
    }

    /** How badly node r would clash at p: 4 per neighbouring partition it owns, 1 per partition two away. */
    static int cost(String[] owners, int p, String r) {
        int q = owners.length;
        int cost = 0;
        for (int j = 1; j <= WINDOW && j < q; j++) {
            int weight = j == 1 ? 4 : 1;
            if (owners[(p + j) % q].equals(r)) {
                cost += weight;
            }
            if (owners[Math.floorMod(p - j, q)].equals(r)) {
                cost += weight;
            }
        }
        return cost;
    }

    private static void swap(String[] owners, int a, int b) {
        String t = owners[a];
        owners[a] = owners[b];
        owners[b] = t;
    }
}
