package io.dynamo.console.view;

import io.dynamo.console.viewmodel.Age;
import io.dynamo.console.viewmodel.HintPoint;
import io.dynamo.console.viewmodel.HintQueueRow;
import io.dynamo.console.viewmodel.HintsViewModel;
import io.dynamo.console.viewmodel.Measure;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Binds the hint queues and their chart to the {@link HintsViewModel}. */
public final class HintsView {
    private final HintsViewModel model;
    @FXML private Label summary;
    @FXML private TableView<HintQueueRow> queues;
    @FXML private TableColumn<HintQueueRow, String> holder;
    @FXML private TableColumn<HintQueueRow, String> target;
    @FXML private TableColumn<HintQueueRow, Long> count;
    @FXML private TableColumn<HintQueueRow, Measure> bytes;
    @FXML private TableColumn<HintQueueRow, Age> oldest;
    @FXML private LineChart<Number, Number> chart;

    public HintsView(HintsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(model.summaryProperty());
        queues.setItems(model.queues());
        ViewStyles.column(holder, HintQueueRow::holderText);
        ViewStyles.column(target, HintQueueRow::target);
        ViewStyles.column(count, HintQueueRow::count);
        ViewStyles.column(bytes, HintQueueRow::bytes);
        ViewStyles.column(oldest, HintQueueRow::oldest);
        model.history().addListener((ListChangeListener<HintPoint>) change -> plot());
        plot();
    }

    /** One series per target, straight from the model's points. */
    private void plot() {
        Map<String, XYChart.Series<Number, Number>> series = new LinkedHashMap<>();
        for (HintPoint point : model.history()) {
            series.computeIfAbsent(point.target(), name -> new XYChart.Series<>("for " + name, 
                    javafx.collections.FXCollections.observableArrayList()))
                    .getData().add(new XYChart.Data<>(point.seconds(), point.count()));
        }
        chart.getData().setAll(series.values());
    }
}
