package io.dynamo.console.view;

import io.dynamo.client.ConnectionState;
import io.dynamo.console.viewmodel.ConsoleViewModel;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.shape.Circle;

/** Binds the connect bar and the status bar to the {@link ConsoleViewModel}. */
public final class ConsoleView {
    private final ConsoleViewModel model;
    @FXML private TextField url;
    @FXML private TextField user;
    @FXML private PasswordField password;
    @FXML private Label connectError;
    @FXML private Circle stateLight;
    @FXML private Label state;
    @FXML private Label node;
    @FXML private Label ringVersion;

    public ConsoleView(ConsoleViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        url.textProperty().bindBidirectional(model.urlProperty());
        user.textProperty().bindBidirectional(model.userProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        connectError.textProperty().bind(model.connectErrorProperty());
        connectError.managedProperty().bind(connectError.textProperty().isNotEmpty());
        state.textProperty().bind(model.stateTextProperty());
        node.textProperty().bind(model.nodeProperty().map(n -> n.isEmpty() ? "" : "node " + n));
        ringVersion.textProperty().bind(model.ringVersionProperty());
        showState(model.stateProperty().get());
        model.stateProperty().addListener((obs, old, now) -> showState(now));
    }

    private void showState(ConnectionState now) {
        stateLight.getStyleClass().removeIf(style -> style.startsWith("state-") && !style.equals("state-light"));
        stateLight.getStyleClass().add("state-" + now.name().toLowerCase(Locale.ROOT));
    }

    @FXML
    private void connect() {
        model.connect();
    }
}
