/**
 * The admin console's entry points: {@code Main} parses the command line ({@code ConsoleOptions}) and starts the
 * JavaFX application ({@code ConsoleApp}), which builds the view models over the cluster service and opens the window;
 * {@code Screenshots} saves a picture of each view against a live cluster ({@code --screenshots DIR}). The console is
 * built MVVM: {@code view} binds, {@code viewmodel} holds state and logic, {@code service} and {@code events} talk to
 * the cluster through the Java client, {@code task} moves blocking calls off the UI thread. It uses nothing of the
 * server's modules (ArchUnit).
 */
package io.dynamo.console;
