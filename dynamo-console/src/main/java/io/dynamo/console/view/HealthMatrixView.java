package io.dynamo.console.view;

import io.dynamo.console.viewmodel.HealthMatrixViewModel;
import io.dynamo.console.viewmodel.MatrixCell;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** Draws the {@link HealthMatrixViewModel}: observers down the side, the nodes they see across, in health colours. */
public final class HealthMatrixView {
    private final HealthMatrixViewModel model;
    @FXML private Label summary;
    @FXML private GridPane matrix;

    public HealthMatrixView(HealthMatrixViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(model.summaryProperty());
        model.cells().addListener((ListChangeListener<MatrixCell>) change -> draw());
        draw();
    }

    private void draw() {
        matrix.getChildren().clear();
        List<String> nodes = model.nodes();
        matrix.add(header("sees →"), 0, 0);
        for (int c = 0; c < nodes.size(); c++) {
            matrix.add(header(nodes.get(c)), c + 1, 0);
        }
        int row = 0;
        String observer = null;
        for (MatrixCell cell : model.cells()) {
            if (!cell.observer().equals(observer)) {
                observer = cell.observer();
                row++;
                matrix.add(header(cell.live() ? observer : observer + " (stale)"), 0, row);
            }
            Label label = new Label(cell.text());
            label.setId("matrix-" + cell.observer() + "-" + cell.observed());
            label.getStyleClass().addAll("matrix-cell", cell.self() ? "matrix-self"
                    : cell.reachability().styleClass());
            if (!cell.live()) {
                label.getStyleClass().add("matrix-stale");
            }
            matrix.add(label, nodes.indexOf(cell.observed()) + 1, row);
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("matrix-header");
        return label;
    }
}
