package io.dynamo.console.view;

import io.dynamo.console.viewmodel.ConsoleViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** Loads the console's scene: each FXML gets its view, each view its view model. */
public final class ConsoleWindow {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private ConsoleWindow() {
    }

    public static Scene scene(ConsoleViewModel model) {
        Map<Class<?>, Object> views = Map.of(
                ConsoleView.class, new ConsoleView(model),
                RingView.class, new RingView(model.ring()),
                NodesView.class, new NodesView(model.nodes()),
                HintsView.class, new HintsView(model.hints()),
                TransfersView.class, new TransfersView(model.transfers()),
                MetricsView.class, new MetricsView(model.metrics()),
                HealthMatrixView.class, new HealthMatrixView(model.matrix()),
                SiblingsView.class, new SiblingsView(model.siblings()),
                OperationsView.class, new OperationsView(model.operations(), model.ring()));
        FXMLLoader loader = new FXMLLoader(ConsoleWindow.class.getResource("ConsoleView.fxml"));
        Function<Class<?>, Object> factory = type -> {
            Object view = views.get(type);
            if (view == null) {
                throw new IllegalStateException("no view for " + type);
            }
            return view;
        };
        loader.setControllerFactory(factory::apply);
        try {
            Parent root = loader.load();
            Scene scene = new Scene(root, WIDTH, HEIGHT);
            scene.getStylesheets().add(ConsoleWindow.class.getResource("console.css").toExternalForm());
            return scene;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the console's FXML", e);
        }
    }
}
