package io.dynamo.console.viewmodel;

import io.dynamo.api.KeyVersionsBody;
import io.dynamo.api.ReplicaVersionsBody;
import io.dynamo.api.VersionsBody;
import io.dynamo.console.service.ClusterService;
import io.dynamo.console.task.BackgroundExecutor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A key's versions on each replica side by side, and their resolution: the operator picks a sibling or edits a
 * merged value, which is written back with the context of a fresh read so that it supersedes every sibling read.
 */
public final class SiblingsViewModel {
    private final ClusterService cluster;
    private final BackgroundExecutor executor;
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("Look up a key to see its versions on every replica.");
    private final StringProperty resolution = new SimpleStringProperty("");
    private final StringProperty contentType = new SimpleStringProperty("text/plain");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty resolvable = new SimpleBooleanProperty(false);
    private final ObjectProperty<SiblingItem> chosen = new SimpleObjectProperty<>();
    private final ObservableList<ReplicaCopy> copies = FXCollections.observableArrayList();
    private final ObservableList<SiblingItem> merged = FXCollections.observableArrayList();
    private String shownKey;

    public SiblingsViewModel(ClusterService cluster, BackgroundExecutor executor) {
        this.cluster = cluster;
        this.executor = executor;
        chosen.addListener((obs, old, now) -> {
            if (now != null) {
                resolution.set(now.tombstone() ? "" : now.value());
                if (now.contentType() != null) {
                    contentType.set(now.contentType());
                }
            }
        });
    }

    public void lookUp() {
        String wanted = key.get() == null ? "" : key.get();
        if (wanted.isEmpty()) {
            error.set("Type a key to look up.");
            return;
        }
        error.set("");
        executor.run(() -> cluster.versions(wanted), this::show, e -> {
            copies.clear();
            merged.clear();
            resolvable.set(false);
            error.set(Problems.describe(e));
        });
    }

    private void show(KeyVersionsBody body) {
        shownKey = body.key();
        copies.setAll(body.replicas().stream().map(SiblingsViewModel::copy).toList());
        List<SiblingItem> versions = body.merged() == null ? List.of()
                : body.merged().siblings().stream().map(Values::item).toList();
        merged.setAll(versions);
        chosen.set(null);
        resolvable.set(!versions.isEmpty());
        long concurrent = copies.stream().filter(ReplicaCopy::concurrent).count();
        summary.set(versions.isEmpty() ? "No replica holds '" + body.key() + "'."
                : String.format("'%s' (partition %d): %d version(s) after merging %d copies%s%s", body.key(),
                        body.partition(), versions.size(), copies.size(),
                        versions.size() > 1 ? "; the versions are concurrent siblings: pick one or merge them" : "",
                        concurrent > 0 ? "; " + concurrent + " copies are concurrent with another copy" : ""));
    }

    private static ReplicaCopy copy(ReplicaVersionsBody r) {
        String role = r.replica() ? "replica" : "fallback holding a hint";
        if (r.error() != null) {
            return new ReplicaCopy(r.node(), role, "no answer: " + r.error(), false, false, "", "", List.of());
        }
        Map<String, String> relations = r.relations() == null ? Map.of() : r.relations();
        boolean concurrent = relations.containsValue("CONCURRENT");
        String state = "EQUAL".equals(r.relation()) ? "up to date" : "BEFORE".equals(r.relation())
                ? "stale: misses writes others have" : String.valueOf(r.relation());
        String compared = relations.entrySet().stream().map(e -> e.getValue().toLowerCase() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return new ReplicaCopy(r.node(), role, state, "EQUAL".equals(r.relation()), concurrent, Values.clock(r.clock()),
                compared,
                r.siblings() == null ? List.of() : r.siblings().stream().map(Values::item).toList());
    }

    /** Writes the resolution back: reads the key for its context now, then puts the value with it. */
    public void writeBack() {
        if (shownKey == null) {
            error.set("Look up a key first.");
            return;
        }
        String key = shownKey;
        byte[] value = resolution.get().getBytes(StandardCharsets.UTF_8);
        String type = contentType.get() == null || contentType.get().isBlank() ? "text/plain" : contentType.get();
        error.set("");
        executor.run(() -> {
            VersionsBody read = cluster.read(key);
            cluster.write(key, value, type, read.context());
            return read.siblings().size();
        }, superseded -> {
            message.set("Wrote the resolution of '" + key + "'; it supersedes the " + superseded
                    + " sibling(s) read.");
            lookUp();
        }, e -> error.set(Problems.describe(e)));
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty resolutionProperty() {
        return resolution;
    }

    public StringProperty contentTypeProperty() {
        return contentType;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty resolvableProperty() {
        return resolvable;
    }

    public ObjectProperty<SiblingItem> chosenProperty() {
        return chosen;
    }

    public ObservableList<ReplicaCopy> copies() {
        return copies;
    }

    public ObservableList<SiblingItem> merged() {
        return merged;
    }
}
