package io.dynamo.jaxrs.system.planted;

import io.dynamo.core.base.Key;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.Sibling;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.infra.ForwardingStorageEngine;
import io.dynamo.infra.StorageDecorator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A planted bug, never in the product: a store that forgets one in seven of the versions merges bring it from other
 * replicas, while its clock still counts them as seen. Every other copy then takes the version for superseded and
 * drops it too, so acknowledged writes vanish. {@code PlantedBugIT} deploys it into real nodes and requires the fault
 * test's checker to report the loss.
 */
public final class ForgetfulStorage implements StorageDecorator {
    static final int ONE_IN = 7;

    @Override
    public StorageEngine decorate(StorageEngine storage) {
        return new Forgetful(storage);
    }

    private static final class Forgetful extends ForwardingStorageEngine {
        private final AtomicLong received = new AtomicLong();

        Forgetful(StorageEngine storage) {
            super(storage);
        }

        @Override
        public SiblingSet update(Key key, UnaryOperator<SiblingSet> change) {
            return super.update(key, current -> forgetSome(current, change.apply(current)));
        }

        @Override
        public SiblingSet updateSynced(Key key, UnaryOperator<SiblingSet> change) {
            return super.updateSynced(key, current -> forgetSome(current, change.apply(current)));
        }

        private SiblingSet forgetSome(SiblingSet before, SiblingSet after) {
            // This node's own writes carry its actor, "<node>.<incarnation>"; only versions from others are forgotten.
            String mine = "." + delegate().incarnation();
            Set<Dot> had = before.siblings().stream().map(Sibling::dot).collect(Collectors.toSet());
            List<Sibling> kept = new ArrayList<>(after.siblings());
            for (Sibling s : after.siblings()) {
                boolean arrived = !had.contains(s.dot()) && !s.dot().actor().endsWith(mine);
                if (arrived && received.incrementAndGet() % ONE_IN == 0) {
                    kept.remove(s);
                }
            }
            return new SiblingSet(after.clock(), kept);
        }
    }
}
