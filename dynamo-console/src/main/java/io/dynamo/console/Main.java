package io.dynamo.console;

import java.util.List;
import javafx.application.Application;

/**
 * Starts the console. A separate class from the {@link Application}: launched from the classpath, JavaFX insists
 * on its modules when the main class itself extends {@code Application}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        try {
            ConsoleApp.options = ConsoleOptions.parse(List.of(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        Application.launch(ConsoleApp.class);
    }
}
