package io.dynamo.console.view;

import io.dynamo.console.viewmodel.LegendEntry;
import io.dynamo.console.viewmodel.MoveRow;
import io.dynamo.console.viewmodel.OperationsViewModel;
import io.dynamo.console.viewmodel.RingSegment;
import io.dynamo.console.viewmodel.RingViewModel;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** Binds join, leave and anti-entropy to the {@link OperationsViewModel}; the ring beside shows the plan. */
public final class OperationsView {
    private final OperationsViewModel model;
    private final RingViewModel ringModel;
    @FXML private TextField joinNode;
    @FXML private TextField joinWeight;
    @FXML private ComboBox<String> leaveNode;
    @FXML private Label planSummary;
    @FXML private Label counts;
    @FXML private TableView<MoveRow> moves;
    @FXML private TableColumn<MoveRow, Integer> partition;
    @FXML private TableColumn<MoveRow, String> from;
    @FXML private TableColumn<MoveRow, String> to;
    @FXML private Button commit;
    @FXML private Button cancel;
    @FXML private TextField partitionField;
    @FXML private Label exchange;
    @FXML private Label message;
    @FXML private Label error;
    @FXML private RingCanvas ring;
    @FXML private ListView<LegendEntry> legend;

    public OperationsView(OperationsViewModel model, RingViewModel ringModel) {
        this.model = model;
        this.ringModel = ringModel;
    }

    @FXML
    private void initialize() {
        joinNode.textProperty().bindBidirectional(model.joinNodeProperty());
        joinWeight.textProperty().bindBidirectional(model.joinWeightProperty());
        leaveNode.setItems(model.members());
        leaveNode.valueProperty().bindBidirectional(model.leaveNodeProperty());
        planSummary.textProperty().bind(model.planSummaryProperty());
        counts.textProperty().bind(model.countsProperty());
        moves.setItems(model.moves());
        ViewStyles.column(partition, MoveRow::partition);
        ViewStyles.column(from, MoveRow::from);
        ViewStyles.column(to, MoveRow::to);
        commit.disableProperty().bind(model.planPendingProperty().not());
        cancel.disableProperty().bind(model.planPendingProperty().not());
        partitionField.textProperty().bindBidirectional(model.partitionProperty());
        exchange.textProperty().bind(model.exchangeProperty());
        message.textProperty().bind(model.messageProperty());
        error.textProperty().bind(model.errorProperty());
        ring.getSegments().setAll(ringModel.segments());
        ringModel.segments().addListener((ListChangeListener<RingSegment>) c -> ring.getSegments()
                .setAll(ringModel.segments()));
        legend.setItems(ringModel.legend());
        legend.setCellFactory(list -> new LegendCell());
    }

    @FXML
    private void planJoin() {
        model.planJoin();
    }

    @FXML
    private void planLeave() {
        model.planLeave();
    }

    /** A ring change moves data: the operator confirms once more. */
    @FXML
    private void commit() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, model.planSummaryProperty().get()
                + "\n\nCommit this plan now?", ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText("Commit the ring change");
        confirm.initOwner(commit.getScene().getWindow());
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.commit());
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void runAntiEntropy() {
        model.runAntiEntropy();
    }
}
