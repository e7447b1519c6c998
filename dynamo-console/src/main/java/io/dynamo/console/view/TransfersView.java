package io.dynamo.console.view;

import io.dynamo.console.viewmodel.Age;
import io.dynamo.console.viewmodel.Measure;
import io.dynamo.console.viewmodel.TransferRow;
import io.dynamo.console.viewmodel.TransfersViewModel;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Binds the table of partition transfers to the {@link TransfersViewModel}. */
public final class TransfersView {
    private final TransfersViewModel model;
    @FXML private Label summary;
    @FXML private TableView<TransferRow> transfers;
    @FXML private TableColumn<TransferRow, String> source;
    @FXML private TableColumn<TransferRow, Integer> partition;
    @FXML private TableColumn<TransferRow, String> targets;
    @FXML private TableColumn<TransferRow, String> status;
    @FXML private TableColumn<TransferRow, Measure> keys;
    @FXML private TableColumn<TransferRow, Measure> bytes;
    @FXML private TableColumn<TransferRow, String> pass;
    @FXML private TableColumn<TransferRow, Measure> rate;
    @FXML private TableColumn<TransferRow, Age> left;

    public TransfersView(TransfersViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(model.summaryProperty());
        transfers.setItems(model.transfers());
        ViewStyles.column(source, TransferRow::sourceText);
        ViewStyles.column(partition, TransferRow::partition);
        ViewStyles.column(targets, TransferRow::targets);
        ViewStyles.column(status, TransferRow::status);
        ViewStyles.column(keys, TransferRow::keysSent);
        ViewStyles.column(bytes, TransferRow::bytesSent);
        ViewStyles.column(pass, TransferRow::pass);
        ViewStyles.column(rate, TransferRow::rate);
        ViewStyles.column(left, TransferRow::left);
    }
}
