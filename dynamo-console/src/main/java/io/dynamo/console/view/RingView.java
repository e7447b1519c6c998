package io.dynamo.console.view;

import io.dynamo.console.viewmodel.LegendEntry;
import io.dynamo.console.viewmodel.PlacementRow;
import io.dynamo.console.viewmodel.Reachability;
import io.dynamo.console.viewmodel.RingViewModel;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** Binds the ring page to its {@link RingViewModel}. */
public final class RingView {
    private final RingViewModel model;
    @FXML private RingCanvas ring;
    @FXML private Label summary;
    @FXML private Label planSummary;
    @FXML private ListView<LegendEntry> legend;
    @FXML private TextField key;
    @FXML private Label keySummary;
    @FXML private TableView<PlacementRow> placement;
    @FXML private TableColumn<PlacementRow, String> role;
    @FXML private TableColumn<PlacementRow, String> node;
    @FXML private TableColumn<PlacementRow, Reachability> health;
    @FXML private TableColumn<PlacementRow, String> standIn;
    @FXML private Label error;

    public RingView(RingViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        ring.getSegments().setAll(model.segments());
        model.segments().addListener((javafx.collections.ListChangeListener<io.dynamo.console.viewmodel.RingSegment>)
                c -> ring.getSegments().setAll(model.segments()));
        ring.keyFractionProperty().bind(model.keyFractionProperty());
        summary.textProperty().bind(model.summaryProperty());
        planSummary.textProperty().bind(model.planSummaryProperty());
        legend.setItems(model.legend());
        legend.setCellFactory(list -> new LegendCell());
        key.textProperty().bindBidirectional(model.keyProperty());
        keySummary.textProperty().bind(model.keySummaryProperty());
        placement.setItems(model.placement());
        ViewStyles.column(role, PlacementRow::role);
        ViewStyles.column(node, PlacementRow::node);
        ViewStyles.column(health, PlacementRow::health);
        health.setCellFactory(ViewStyles.healthCells());
        ViewStyles.column(standIn, row -> row.standIn() == null ? "" : row.standIn());
        error.textProperty().bind(model.errorProperty());
    }

    @FXML
    private void lookUp() {
        model.lookUp();
    }
}
