package io.dynamo.jaxrs;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Version 1 of the API; resources and mappers are found by scanning. */
@ApplicationPath("api/v1")
public class DynamoApi extends Application {
}
