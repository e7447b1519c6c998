/**
 * {@code dynamo-admin}, the operators' command line (docs/cli.md): {@link io.dynamo.admin.AdminCli} parses with
 * picocli and maps every failure to a message and an {@link io.dynamo.admin.ExitCode}; one class per command calls
 * the admin API through {@code io.dynamo.client.DynamoAdmin} and renders the answer as a {@code Table} or as JSON.
 */
package io.dynamo.admin;
