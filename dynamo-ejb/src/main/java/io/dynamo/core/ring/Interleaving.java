package io.dynamo.core.ring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lays out a fresh ring so that neighbouring partitions have different owners and a walk meets N distinct nodes
 * quickly. Each node's partitions are spread evenly around the ring (the k-th at about (k + phase) * Q / quota) with
 * the phases of different nodes staggered, then the ideal positions are sorted into slots.
 */
final class Interleaving {

    private record Slot(double ideal, int node) {
    }

    private Interleaving() {
    }

    /** Owner index per partition; {@code quotas[i]} partitions go to node i and the quotas sum to q. */
    static int[] layout(int q, int[] quotas) {
        int s = quotas.length;
        List<Slot> slots = new ArrayList<>(q);
        for (int node = 0; node < s; node++) {
            double phase = (node + 0.5) / s;
            double stride = (double) q / Math.max(1, quotas[node]);
            for (int k = 0; k < quotas[node]; k++) {
                slots.add(new Slot((k + phase) * stride, node));
            }
        }
        slots.sort(Comparator.comparingDouble(Slot::ideal).thenComparingInt(Slot::node));
        int[] owners = new int[q];
        for (int p = 0; p < q; p++) {
            owners[p] = slots.get(p).node();
        }
        repairNeighbours(owners);
        return owners;
    }

    /** Rounding can still leave a node next to itself; swap with a nearby slot when that strictly helps. */
    private static void repairNeighbours(int[] owners) {
        int q = owners.length;
        for (int p = 0; p < q; p++) {
            int next = (p + 1) % q;
            if (owners[p] != owners[next]) {
                continue;
            }
            for (int d = 1; d <= 8 && d < q; d++) {
                if (trySwap(owners, next, (next + d) % q) || trySwap(owners, next, Math.floorMod(next - d, q))) {
                    break;
                }
            }
        }
    }

    private static boolean trySwap(int[] owners, int a, int b) {
        if (owners[a] == owners[b]) {
            return false;
        }
        int before = clashes(owners, a) + clashes(owners, b);
        swap(owners, a, b);
        if (clashes(owners, a) + clashes(owners, b) < before) {
            return true;
        }
        swap(owners, a, b);
        return false;
    }

    private static int clashes(int[] owners, int p) {
        int q = owners.length;
        return (owners[p] == owners[(p + 1) % q] ? 1 : 0) + (owners[p] == owners[Math.floorMod(p - 1, q)] ? 1 : 0);
    }

    private static void swap(int[] owners, int a, int b) {
        int t = owners[a];
        owners[a] = owners[b];
        owners[b] = t;
    }
}
