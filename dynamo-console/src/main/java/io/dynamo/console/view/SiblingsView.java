package io.dynamo.console.view;

import io.dynamo.console.viewmodel.ReplicaCopy;
import io.dynamo.console.viewmodel.SiblingItem;
import io.dynamo.console.viewmodel.SiblingsViewModel;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Binds the siblings page to its {@link SiblingsViewModel}: one card per replica, side by side. */
public final class SiblingsView {
    private final SiblingsViewModel model;
    @FXML private TextField key;
    @FXML private Label summary;
    @FXML private ListView<ReplicaCopy> copies;
    @FXML private ListView<SiblingItem> merged;
    @FXML private TextArea resolution;
    @FXML private TextField contentType;
    @FXML private Button write;
    @FXML private Label message;
    @FXML private Label error;

    public SiblingsView(SiblingsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        key.textProperty().bindBidirectional(model.keyProperty());
        summary.textProperty().bind(model.summaryProperty());
        copies.setItems(model.copies());
        copies.setCellFactory(list -> new CopyCell());
        merged.setItems(model.merged());
        merged.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.chosenProperty().set(now));
        model.chosenProperty().addListener((obs, old, now) -> merged.getSelectionModel().select(now));
        resolution.textProperty().bindBidirectional(model.resolutionProperty());
        contentType.textProperty().bindBidirectional(model.contentTypeProperty());
        write.disableProperty().bind(model.resolvableProperty().not());
        message.textProperty().bind(model.messageProperty());
        error.textProperty().bind(model.errorProperty());
    }

    @FXML
    private void lookUp() {
        model.lookUp();
    }

    @FXML
    private void writeBack() {
        model.writeBack();
    }

    /** A replica's copy: node, state, clock, and its siblings one per line. */
    private static final class CopyCell extends ListCell<ReplicaCopy> {
        @Override
        protected void updateItem(ReplicaCopy item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            VBox card = new VBox();
            card.getStyleClass().add("copy-card");
            if (item.concurrent()) {
                card.getStyleClass().add("concurrent");
            }
            Label title = new Label(item.node() + "  ·  " + item.role());
            title.getStyleClass().add("copy-title");
            Label state = new Label(item.state() + (item.concurrent() ? "  ·  CONCURRENT" : ""));
            state.setWrapText(true);
            state.getStyleClass().add(item.stateStyle());
            Label clock = new Label("clock " + item.clock());
            clock.getStyleClass().add("copy-clock");
            clock.setWrapText(true);
            card.getChildren().addAll(title, state, clock);
            if (!item.relations().isEmpty()) {
                Label relations = new Label(item.relations());
                relations.setWrapText(true);
                card.getChildren().add(relations);
            }
            for (SiblingItem sibling : item.siblings()) {
                Label line = new Label(sibling.toString());
                line.getStyleClass().add("sibling");
                if (sibling.superseded()) {
                    line.getStyleClass().add("superseded");
                }
                card.getChildren().add(line);
            }
            setGraphic(card);
        }
    }
}
