/**
 * The JavaFX views: FXML and the classes that bind it to the view models (the ring drawn on a canvas, nodes, hints,
 * siblings, operations). Views hold no logic and never call the cluster (ArchUnit).
 */
package io.dynamo.console.view;
