package io.dynamo.jaxrs.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Remembers what each event last reported, so that only changes are sent. Not thread-safe. */
final class EventChanges {
    private final Map<String, Object> last = new HashMap<>();

    /** The events of the snapshot whose key changed since the last call (all of them on the first), remembered. */
    List<String> changed(AdminSnapshot snapshot) {
        Map<String, Object> bodies = snapshot.bodies();
        List<String> changed = new ArrayList<>();
        snapshot.keys().forEach((event, key) -> {
            if (!Objects.equals(last.put(event, key), key) && bodies.containsKey(event)) {
                changed.add(event);
            }
        });
        return changed;
    }

    /** Takes the snapshot as already reported (to the first subscriber, on connect). */
    void remember(AdminSnapshot snapshot) {
        last.putAll(snapshot.keys());
    }

    void forget() {
        last.clear();
    }
}
