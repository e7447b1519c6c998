package io.dynamo.infra.jgroups;

import java.util.Collection;
import java.util.function.Consumer;
import org.jgroups.Address;
import org.jgroups.Event;
import org.jgroups.stack.Protocol;

/**
 * A pass-through protocol just below GMS that reports SUSPECT events on their way up. JGroups 5 no longer gives
 * the application suspicions (its {@code Receiver} only sees views), and below GMS they have already been
 * verified by VERIFY_SUSPECT2. The callback must not block: it runs on a JGroups thread.
 */
final class SuspicionTap extends Protocol {
    private final Consumer<Address> suspected;

    SuspicionTap(Consumer<Address> suspected) {
        this.suspected = suspected;
    }

    @Override
    public Object up(Event evt) {
        if (evt.getType() == Event.SUSPECT) {
            Object arg = evt.getArg();
            if (arg instanceof Collection<?> addresses) {
                addresses.stream().filter(Address.class::isInstance).map(Address.class::cast).forEach(suspected);
            } else if (arg instanceof Address address) {
                suspected.accept(address);
            }
        }
        return super.up(evt);
    }
}
