package io.dynamo.example;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The example's REST API, under {@code /dynamo-example/api}. */
@ApplicationPath("api")
public class ExampleApplication extends Application {
}
