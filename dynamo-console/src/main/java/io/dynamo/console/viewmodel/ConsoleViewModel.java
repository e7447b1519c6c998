package io.dynamo.console.viewmodel;

import io.dynamo.api.HintsBody;
import io.dynamo.api.MetricsBody;
import io.dynamo.api.TransfersBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.RingBody;
import io.dynamo.client.ConnectionState;
import io.dynamo.client.ConnectionStatus;
import io.dynamo.console.events.ClientClusterConnector;
import io.dynamo.console.events.ClusterConnector;
import io.dynamo.console.events.ClusterEventListener;
import io.dynamo.console.service.Credentials;
import io.dynamo.console.service.SwitchableClusterService;
import io.dynamo.console.task.BackgroundExecutor;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The console window: the connect form, the status bar, and the feature view models it feeds from the event
 * stream. Events arrive on the stream's thread and are handed to the UI thread through the executor.
 */
public final class ConsoleViewModel implements AutoCloseable {
    private final ClusterConnector connector;
    private final BackgroundExecutor executor;
    private final SwitchableClusterService cluster = new SwitchableClusterService();
    private final RingViewModel ring;
    private final NodesViewModel nodes = new NodesViewModel();
    private final HintsViewModel hints;
    private final TransfersViewModel transfers = new TransfersViewModel();
    private final HealthMatrixViewModel matrix = new HealthMatrixViewModel();
    private final MetricsViewModel metrics;
    private final SiblingsViewModel siblings;
    private final OperationsViewModel operations;
    private final StringProperty url = new SimpleStringProperty("http://127.0.0.1:8080");
    private final StringProperty user = new SimpleStringProperty(Credentials.ADMIN_USER);
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.STOPPED);
    private final StringProperty stateText = new SimpleStringProperty("Not connected");
    private final StringProperty node = new SimpleStringProperty("");
    private final StringProperty ringVersion = new SimpleStringProperty("");
    private final StringProperty connectError = new SimpleStringProperty("");
    private ClusterConnector.Connection connection;
    private long generation;

    public ConsoleViewModel(ClusterConnector connector, BackgroundExecutor executor, LongSupplier clock) {
        this.connector = connector;
        this.executor = executor;
        this.ring = new RingViewModel(cluster, executor);
        this.hints = new HintsViewModel(clock);
        this.metrics = new MetricsViewModel(clock);
        this.siblings = new SiblingsViewModel(cluster, executor);
        this.operations = new OperationsViewModel(cluster, executor);
        // a plan being reviewed is drawn over the ring
        ring.planProperty().bind(operations.planProperty());
    }

    /** Connects to the URL with the user and password of the form, dropping any earlier connection. */
    public void connect() {
        URI target;
        try {
            target = parse(url.get());
        } catch (IllegalArgumentException e) {
            connectError.set(e.getMessage());
            return;
        }
        if (password.get() == null || password.get().isEmpty()) {
            connectError.set("Enter the password of the admin user '" + Credentials.ADMIN_USER + "' (the local"
                    + " cluster keeps it in data/credentials as DYNAMO_SECURITY_ADMIN_PASSWORD).");
            return;
        }
        connectError.set("");
        closeConnection();
        long mine = ++generation;
        connection = connector.connect(target, new Credentials(user.get(), password.get()), new Listener(mine));
        cluster.use(connection.service());
    }

    static URI parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Enter a node's URL, for example http://127.0.0.1:8080");
        }
        try {
            URI uri = new URI(trimmed.contains("://") ? trimmed : "http://" + trimmed);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null
                    || uri.getPort() < 0) {
                throw new URISyntaxException(trimmed, "needs http://HOST:PORT");
            }
            return ClientClusterConnector.apiBase(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a node URL: use http://HOST:PORT, for"
                    + " example http://127.0.0.1:8080");
        }
    }

    private final class Listener implements ClusterEventListener {
        private final long mine;

        Listener(long mine) {
            this.mine = mine;
        }

        private void ui(Runnable action) {
            // events of a connection that was replaced meanwhile are dropped
            executor.ui(() -> {
                if (mine == generation) {
                    action.run();
                }
            });
        }

        @Override
        public void ring(RingBody body) {
            ui(() -> {
                ring.ringChanged(body);
                operations.ringChanged(body);
                ringVersion.set("ring v" + body.version());
            });
        }

        @Override
        public void health(NodesBody body) {
            ui(() -> nodes.healthChanged(body));
        }

        @Override
        public void hints(HintsBody body) {
            ui(() -> hints.hintsChanged(body));
        }

        @Override
        public void transfers(TransfersBody body) {
            ui(() -> transfers.transfersChanged(body));
        }

        @Override
        public void observed(NodesBody body) {
            ui(() -> matrix.observed(body));
        }

        @Override
        public void metrics(MetricsBody body) {
            ui(() -> metrics.metricsChanged(body));
        }

        @Override
        public void hintsUnavailable(String holder) {
            ui(() -> {
                hints.holderUnreachable(holder);
                transfers.sourceUnreachable(holder);
                matrix.observerUnreachable(holder);
                metrics.nodeUnreachable(holder);
            });
        }

        @Override
        public void connection(ConnectionStatus status) {
            ui(() -> showStatus(status));
        }
    }

    private void showStatus(ConnectionStatus status) {
        state.set(status.state());
        node.set(status.node() == null ? "" : status.node().getAuthority());
        switch (status.state()) {
            case CONNECTED -> {
                stateText.set("Connected to " + node.get() + ", live");
                connectError.set("");
            }
            case REFUSED -> {
                stateText.set("Credentials refused by " + node.get());
                connectError.set(status.message());
            }
            case RECONNECTING -> stateText.set("Reconnecting: " + status.message());
            case CONNECTING -> stateText.set("Connecting to " + node.get() + " ...");
            case STOPPED -> stateText.set("Not connected");
        }
    }

    private void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    @Override
    public void close() {
        generation++;
        closeConnection();
    }

    public RingViewModel ring() {
        return ring;
    }

    public NodesViewModel nodes() {
        return nodes;
    }

    public HintsViewModel hints() {
        return hints;
    }

    public TransfersViewModel transfers() {
        return transfers;
    }

    public HealthMatrixViewModel matrix() {
        return matrix;
    }

    public MetricsViewModel metrics() {
        return metrics;
    }

    public SiblingsViewModel siblings() {
        return siblings;
    }

    public OperationsViewModel operations() {
        return operations;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObjectProperty<ConnectionState> stateProperty() {
        return state;
    }

    public StringProperty stateTextProperty() {
        return stateText;
    }

    public StringProperty nodeProperty() {
        return node;
    }

    public StringProperty ringVersionProperty() {
        return ringVersion;
    }

    public StringProperty connectErrorProperty() {
        return connectError;
    }
}
