package io.dynamo.console.view;

import io.dynamo.console.viewmodel.RingSegment;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The token ring: partition 0 at the top, clockwise. Each partition is an arc in its owner's colour; while a plan
 * is shown, partitions that stay are faded and moving ones get an outer band in their new owner's colour. A key
 * shows as a needle at its position.
 */
public final class RingCanvas extends Region {
    private final Canvas canvas = new Canvas();
    private final ObservableList<RingSegment> segments = FXCollections.observableArrayList();
    private final DoubleProperty keyFraction = new SimpleDoubleProperty(-1);

    public RingCanvas() {
        getChildren().add(canvas);
        segments.addListener((ListChangeListener<RingSegment>) change -> draw());
        keyFraction.addListener((obs, old, now) -> draw());
        widthProperty().addListener((obs, old, now) -> draw());
        heightProperty().addListener((obs, old, now) -> draw());
    }

    public ObservableList<RingSegment> getSegments() {
        return segments;
    }

    public DoubleProperty keyFractionProperty() {
        return keyFraction;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        double size = Math.min(w, h);
        if (size < 40) {
            return;
        }
        double cx = w / 2;
        double cy = h / 2;
        double band = size * 0.09;
        double radius = size / 2 - band * 1.6;
        boolean planShown = segments.stream().anyMatch(RingSegment::moving);
        int q = segments.size();
        g.setLineCap(StrokeLineCap.BUTT);
        for (RingSegment s : segments) {
            double start = 90 - (s.partition() + 1) * 360.0 / q;
            double extent = 360.0 / q;
            Color owner = Color.web(s.color());
            g.setStroke(planShown && !s.moving() ? owner.deriveColor(0, 0.35, 1.25, 0.45) : owner);
            g.setLineWidth(band);
            g.strokeArc(cx - radius, cy - radius, 2 * radius, 2 * radius, start, extent, ArcType.OPEN);
            if (s.moving()) {
                double outer = radius + band * 0.95;
                g.setStroke(Color.web(s.movesToColor()));
                g.setLineWidth(band * 0.5);
                g.strokeArc(cx - outer, cy - outer, 2 * outer, 2 * outer, start, extent, ArcType.OPEN);
            }
        }
        if (q == 0) {
            g.setFill(Color.GRAY);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("waiting for the ring ...", cx, cy);
            return;
        }
        g.setFill(Color.web("#37474f"));
        g.setFont(Font.font(null, FontWeight.BOLD, Math.max(12, size / 24)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(q + " partitions", cx, cy - size / 40);
        g.setFont(Font.font(Math.max(10, size / 36)));
        g.fillText(planShown ? "outer band: new owner" : "partition 0 at the top, clockwise", cx, cy + size / 30);
        if (keyFraction.get() >= 0) {
            drawKey(g, cx, cy, radius, band);
        }
    }

    private void drawKey(GraphicsContext g, double cx, double cy, double radius, double band) {
        double angle = Math.toRadians(90 - keyFraction.get() * 360);
        double inner = radius - band;
        double outer = radius + band * 1.3;
        g.setStroke(Color.web("#212121"));
        g.setLineWidth(3);
        g.strokeLine(cx + inner * Math.cos(angle), cy - inner * Math.sin(angle), cx + outer * Math.cos(angle),
                cy - outer * Math.sin(angle));
        g.setFill(Color.web("#212121"));
        g.fillOval(cx + outer * Math.cos(angle) - 6, cy - outer * Math.sin(angle) - 6, 12, 12);
    }
}
