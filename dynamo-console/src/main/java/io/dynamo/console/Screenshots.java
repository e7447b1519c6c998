package io.dynamo.console;

import io.dynamo.console.viewmodel.ConsoleViewModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * {@code --screenshots DIR}: opens each view in turn, waits until it shows the cluster's data, saves the scene as
 * {@code DIR/console-VIEW.png} and exits. The hints view waits until a queue has drained (at most a minute); the
 * operations view shows a leave plan of the last ring member, which is only planned, never committed.
 */
final class Screenshots {
    private static final long STEP_LIMIT_MILLIS = 60_000;
    private final Stage stage;
    private final ConsoleViewModel model;
    private final Path dir;
    private final String key;
    private final Deque<Step> steps = new ArrayDeque<>();
    private Timeline ticker;
    private long stepStarted;
    private int settled;

    private record Step(String view, String tab, String awaited, Runnable action, BooleanSupplier ready) {
    }

    Screenshots(Stage stage, ConsoleViewModel model, Path dir, String key) {
        this.stage = stage;
        this.model = model;
        this.dir = dir;
        this.key = key == null ? "cart:alice" : key;
    }

    void start() {
        steps.add(new Step("ring", "ringTab", "the key's placement", () -> {
            model.ring().keyProperty().set(key);
            model.ring().lookUp();
        }, () -> !model.ring().segments().isEmpty() && !model.ring().placement().isEmpty()));
        steps.add(new Step("nodes", "nodesTab", "the nodes", () -> { }, () -> !model.nodes().rows().isEmpty()));
        steps.add(new Step("hints", "hintsTab", "a hint queue filling and draining", () -> { }, this::queueDrained));
        steps.add(new Step("metrics", "metricsTab", "each node's throughput", () -> { },
                () -> !model.metrics().history().isEmpty()));
        steps.add(new Step("matrix", "matrixTab", "each node's view of the others", () -> { },
                () -> !model.matrix().cells().isEmpty()));
        steps.add(new Step("siblings", "siblingsTab", "the key's versions", () -> {
            model.siblings().keyProperty().set(key);
            model.siblings().lookUp();
        }, () -> {
            if (model.siblings().merged().isEmpty()) {
                return false;
            }
            if (model.siblings().chosenProperty().get() == null) {
                model.siblings().chosenProperty().set(model.siblings().merged().get(0));
            }
            return true;
        }));
        steps.add(new Step("operations", "operationsTab", "a plan", () -> { }, () -> {
            if (model.operations().members().isEmpty()) {
                return false;
            }
            if (model.operations().planProperty().get() == null && model.operations().errorProperty().get().isEmpty()) {
                var members = model.operations().members();
                model.operations().leaveNodeProperty().set(members.get(members.size() - 1));
                model.operations().planLeave();
                return false;
            }
            return true;
        }));
        ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        begin();
        ticker.play();
    }

    /** The chart tells the most once a queue has grown and drained again (else the step times out and saves). */
    private boolean queueDrained() {
        var history = model.hints().history();
        return history.stream().anyMatch(p -> p.count() > 0) && model.hints().queues().isEmpty();
    }

    private void begin() {
        Step step = steps.peek();
        if (step == null) {
            ticker.stop();
            Platform.exit();
            return;
        }
        TabPane tabs = (TabPane) stage.getScene().lookup("#tabs");
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> step.tab().equals(t.getId()))
                .findFirst().orElseThrow());
        stepStarted = System.currentTimeMillis();
        settled = 0;
        step.action().run();
    }

    private void tick() {
        Step step = steps.peek();
        if (step == null) {
            return;
        }
        boolean timedOut = System.currentTimeMillis() - stepStarted > STEP_LIMIT_MILLIS;
        // a few more ticks once the data is there, so that layout and charts have settled
        if (step.ready().getAsBoolean() || timedOut) {
            if (++settled < 4) {
                return;
            }
            if (timedOut) {
                System.err.println("the " + step.view() + " view did not show " + step.awaited() + " within "
                        + STEP_LIMIT_MILLIS + " ms; saved as it is");
            }
            save(step.view());
            steps.poll();
            begin();
        }
    }

    private void save(String view) {
        WritableImage image = stage.getScene().snapshot(null);
        Path file = dir.resolve("console-" + view + ".png");
        try {
            Files.createDirectories(dir);
            ImageIO.write(toBuffered(image), "png", file.toFile());
            System.out.println("saved " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
