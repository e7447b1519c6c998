/**
 * Where blocking cluster calls run: {@code BackgroundExecutor} runs them off the UI thread and hands results back on
 * it ({@code FxBackgroundExecutor}); tests use {@code SynchronousExecutor} and need no JavaFX toolkit.
 */
package io.dynamo.console.task;
