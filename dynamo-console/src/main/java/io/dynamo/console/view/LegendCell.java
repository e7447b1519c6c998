package io.dynamo.console.view;

import io.dynamo.console.viewmodel.LegendEntry;
import javafx.scene.control.ListCell;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/** A legend line: the node's colour swatch, the node and what it owns. */
final class LegendCell extends ListCell<LegendEntry> {
    @Override
    protected void updateItem(LegendEntry item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        Rectangle swatch = new Rectangle(14, 14, Color.web(item.color()));
        swatch.getStyleClass().add("swatch");
        setGraphic(swatch);
        setText(item.node() + "   " + item.detail());
    }
}
