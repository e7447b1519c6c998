package io.dynamo.infra.jgroups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jgroups.Address;
import org.jgroups.Event;
import org.jgroups.stack.Protocol;
import org.jgroups.util.UUID;
import org.junit.jupiter.api.Test;

class SuspicionTapTest {

    @Test
    void reportsSuspectsAndPassesEveryEventUp() {
        List<Address> reported = new ArrayList<>();
        List<Event> above = new ArrayList<>();
        SuspicionTap tap = new SuspicionTap(reported::add);
        tap.setUpProtocol(new Protocol() {
            @Override
            public Object up(Event evt) {
                above.add(evt);
                return null;
            }
        });
        Address x = UUID.randomUUID();
        Address y = UUID.randomUUID();
        Event suspect = new Event(Event.SUSPECT, List.of(x, y));
        Event other = new Event(Event.VIEW_CHANGE, null);

        tap.up(suspect);
        tap.up(other);

        assertThat(reported).containsExactly(x, y);
        assertThat(above).containsExactly(suspect, other);
    }
}
