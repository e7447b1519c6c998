package io.dynamo.core.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.codec.BinaryReader;
import io.dynamo.core.codec.BinaryWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class NamespaceCatalogTest {

    static NamespaceCatalog random(Random random) {
        List<Namespace> entries = new ArrayList<>();
        for (String name : new String[] {"a", "b", "c", "d"}) {
            if (random.nextBoolean()) {
                int n = 1 + random.nextInt(3);
                NamespaceSettings s = new NamespaceSettings(n, 1 + random.nextInt(n), 1 + random.nextInt(n), 0,
                        ConflictPolicy.SIBLINGS, 1 + random.nextInt(300), 1 + random.nextInt(5000), 1, 1 + random
                        .nextInt(3), random.nextBoolean() ? "none" : "client");
                entries.add(new Namespace(name, s, 1 + random.nextInt(4), random.nextInt(4) == 0));
            }
        }
        return NamespaceCatalog.of(entries);
    }

    @Property(tries = 300)
    void mergeIsCommutativeAssociativeAndIdempotent(@ForAll long seed) {
        Random random = new Random(seed);
        NamespaceCatalog a = random(random);
        NamespaceCatalog b = random(random);
        NamespaceCatalog c = random(random);
        assertThat(a.merge(b)).isEqualTo(b.merge(a));
        assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
        assertThat(a.merge(a)).isEqualTo(a);
    }

    /** Nodes that hear the same catalogs in any order, any number of times, end with the same one. */
    @Property(tries = 200)
    void gossipInAnyOrderConverges(@ForAll long seed) {
        Random random = new Random(seed);
        List<NamespaceCatalog> heard = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            heard.add(random(random));
        }
        NamespaceCatalog first = NamespaceCatalog.EMPTY;
        for (NamespaceCatalog c : heard) {
            first = first.merge(c);
        }
        List<NamespaceCatalog> shuffled = new ArrayList<>(heard);
        shuffled.addAll(heard.subList(0, 3));
        Collections.shuffle(shuffled, random);
        NamespaceCatalog second = NamespaceCatalog.EMPTY;
        for (NamespaceCatalog c : shuffled) {
            second = second.merge(c);
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theHigherVersionWinsAndATieIsBrokenTheSameWayEverywhere() {
        NamespaceSettings two = NamespacePlannerTest.settings(2, 1, 1);
        NamespaceSettings three = NamespacePlannerTest.settings(3, 2, 2);
        NamespaceCatalog older = NamespaceCatalog.of(List.of(new Namespace("carts", three, 1, false)));
        NamespaceCatalog newer = NamespaceCatalog.of(List.of(new Namespace("carts", two, 2, false)));
        assertThat(older.merge(newer).live("carts").orElseThrow().settings()).isEqualTo(two);
        assertThat(newer.merge(older).live("carts").orElseThrow().settings()).isEqualTo(two);
        NamespaceCatalog droppedAtTwo = NamespaceCatalog.of(List.of(new Namespace("carts", two, 2, true)));
        assertThat(newer.merge(droppedAtTwo).live("carts")).isEmpty();
        assertThat(droppedAtTwo.merge(newer).live("carts")).isEmpty();
        NamespaceCatalog otherAtTwo = NamespaceCatalog.of(List.of(new Namespace("carts", three, 2, false)));
        assertThat(newer.merge(otherAtTwo)).isEqualTo(otherAtTwo.merge(newer));
    }

    @Property(tries = 300)
    void everyCatalogSurvivesTheCodec(@ForAll long seed) {
        NamespaceCatalog catalog = random(new Random(seed));
        byte[] bytes = NamespaceCatalogCodec.write(new BinaryWriter(64), catalog).toByteArray();
        BinaryReader r = new BinaryReader(bytes);
        assertThat(NamespaceCatalogCodec.read(r)).isEqualTo(catalog);
        r.expectEnd();
    }

    @Test
    void anInvalidEntryIsRefusedAsMalformed() {
        NamespaceCatalog catalog = NamespaceCatalog.of(List.of(new Namespace("carts",
                NamespacePlannerTest.settings(2, 1, 1), 1, false)));
        byte[] bytes = NamespaceCatalogCodec.write(new BinaryWriter(64), catalog).toByteArray();
        bytes[2] = 'C'; // the name's first letter, upper case: not a name
        assertThatThrownBy(() -> NamespaceCatalogCodec.read(new BinaryReader(bytes)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid namespace");
    }
}
