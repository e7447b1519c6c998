package io.dynamo.console.view;

import io.dynamo.console.viewmodel.MetricPoint;
import io.dynamo.console.viewmodel.MetricsViewModel;
import io.dynamo.console.viewmodel.Measure;
import io.dynamo.console.viewmodel.NodeMetricsRow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Binds each node's figures and its throughput and latency charts to the {@link MetricsViewModel}. */
public final class MetricsView {
    private final MetricsViewModel model;
    @FXML private Label summary;
    @FXML private TableView<NodeMetricsRow> table;
    @FXML private TableColumn<NodeMetricsRow, String> node;
    @FXML private TableColumn<NodeMetricsRow, Measure> rate;
    @FXML private TableColumn<NodeMetricsRow, Measure> mean;
    @FXML private TableColumn<NodeMetricsRow, Measure> getP99;
    @FXML private TableColumn<NodeMetricsRow, Measure> putP99;
    @FXML private LineChart<Number, Number> throughput;
    @FXML private LineChart<Number, Number> latency;

    public MetricsView(MetricsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(model.summaryProperty());
        table.setItems(model.rows());
        ViewStyles.column(node, NodeMetricsRow::nodeText);
        ViewStyles.column(rate, NodeMetricsRow::requestsPerSecond);
        ViewStyles.column(mean, NodeMetricsRow::meanLatency);
        ViewStyles.column(getP99, NodeMetricsRow::getP99);
        ViewStyles.column(putP99, NodeMetricsRow::putP99);
        model.history().addListener((ListChangeListener<MetricPoint>) change -> plot());
        plot();
    }

    private void plot() {
        throughput.getData().setAll(series(MetricPoint::requestsPerSecond).values());
        latency.getData().setAll(series(MetricPoint::meanMillis).values());
    }

    /** One series per node, straight from the model's points. */
    private Map<String, XYChart.Series<Number, Number>> series(ToDoubleFunction<MetricPoint> value) {
        Map<String, XYChart.Series<Number, Number>> series = new LinkedHashMap<>();
        for (MetricPoint point : model.history()) {
            series.computeIfAbsent(point.node(), name -> new XYChart.Series<>(name,
                    FXCollections.observableArrayList()))
                    .getData().add(new XYChart.Data<>(point.seconds(), value.applyAsDouble(point)));
        }
        return series;
    }
}
