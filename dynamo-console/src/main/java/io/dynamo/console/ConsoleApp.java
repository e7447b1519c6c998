package io.dynamo.console;

import io.dynamo.console.events.ClientClusterConnector;
import io.dynamo.console.task.FxBackgroundExecutor;
import io.dynamo.console.view.ConsoleWindow;
import io.dynamo.console.viewmodel.ConsoleViewModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.stage.Stage;

/** The console's window: connects at once when the command line gave a URL and a password. */
public final class ConsoleApp extends Application {
    static volatile ConsoleOptions options = ConsoleOptions.parse(List.of(), Map.of());
    private FxBackgroundExecutor executor;
    private ConsoleViewModel model;

    @Override
    public void start(Stage stage) {
        executor = new FxBackgroundExecutor();
        model = new ConsoleViewModel(new ClientClusterConnector(Duration.ofSeconds(3)), executor,
                System::currentTimeMillis);
        ConsoleOptions given = options;
        if (given.url() != null) {
            model.urlProperty().set(given.url());
        }
        if (given.user() != null) {
            model.userProperty().set(given.user());
        }
        if (given.password() != null) {
            model.passwordProperty().set(given.password());
        }
        stage.setTitle("Dynamo console");
        stage.setScene(ConsoleWindow.scene(model));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
        if (given.password() != null && !given.password().isEmpty()) {
            model.connect();
        }
        if (given.screenshots() != null) {
            new Screenshots(stage, model, given.screenshots(), given.key()).start();
        }
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
        if (executor != null) {
            executor.close();
        }
    }
}
