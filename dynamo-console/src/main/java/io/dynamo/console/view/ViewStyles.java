package io.dynamo.console.view;

import io.dynamo.console.viewmodel.Reachability;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.util.Callback;

/** Cell bindings the views share: a column showing a record's field, a health cell in the health colours. */
final class ViewStyles {
    private ViewStyles() {
    }

    static <S, T> void column(TableColumn<S, T> column, Function<S, T> field) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(field.apply(cell.getValue())));
    }

    static <S> Callback<TableColumn<S, Reachability>, TableCell<S, Reachability>> healthCells() {
        return column -> new TableCell<>() {
            @Override
            protected void updateItem(Reachability item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(style -> style.startsWith("health-"));
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText("● " + item.name().toLowerCase(java.util.Locale.ROOT));
                getStyleClass().add(item.styleClass());
            }
        };
    }
}
