package io.dynamo.console.view;

import io.dynamo.console.viewmodel.Age;
import io.dynamo.console.viewmodel.Measure;
import io.dynamo.console.viewmodel.NodeRow;
import io.dynamo.console.viewmodel.NodesViewModel;
import io.dynamo.console.viewmodel.Reachability;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** Binds the nodes table to its {@link NodesViewModel}; rows keep the sort order the operator chose. */
public final class NodesView {
    private final NodesViewModel model;
    @FXML private Label summary;
    @FXML private TableView<NodeRow> table;
    @FXML private TableColumn<NodeRow, String> node;
    @FXML private TableColumn<NodeRow, Reachability> health;
    @FXML private TableColumn<NodeRow, String> status;
    @FXML private TableColumn<NodeRow, String> address;
    @FXML private TableColumn<NodeRow, Age> lastContact;
    @FXML private TableColumn<NodeRow, Measure> rtt;
    @FXML private TableColumn<NodeRow, Integer> partitions;
    @FXML private TableColumn<NodeRow, Measure> keys;
    @FXML private TableColumn<NodeRow, Integer> failures;

    public NodesView(NodesViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(model.summaryProperty());
        SortedList<NodeRow> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        ViewStyles.column(node, row -> row.self() ? row.node() + "  (answering)" : row.node());
        ViewStyles.column(health, NodeRow::health);
        health.setCellFactory(ViewStyles.healthCells());
        ViewStyles.column(status, NodeRow::status);
        ViewStyles.column(address, NodeRow::address);
        ViewStyles.column(lastContact, NodeRow::lastContact);
        ViewStyles.column(rtt, NodeRow::rtt);
        ViewStyles.column(partitions, NodeRow::partitions);
        ViewStyles.column(keys, NodeRow::keysStored);
        ViewStyles.column(failures, NodeRow::failures);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(NodeRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("row-down", "row-suspect");
                if (!empty && item != null && item.health() != Reachability.UP) {
                    getStyleClass().add(item.health() == Reachability.DOWN ? "row-down" : "row-suspect");
                }
            }
        });
    }
}
