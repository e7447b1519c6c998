/**
 * The console's state and logic, one view model per view, each observable by JavaFX properties but free of the scene
 * graph, so that it is tested without a toolkit: what the ring, nodes, hint queues and sibling versions show, and the
 * join/leave plans and sibling resolutions an operator makes.
 */
package io.dynamo.console.viewmodel;
