package io.dynamo.jaxrs;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** Version 1 of the API; resources and mappers are found by scanning. */
@ApplicationPath("api/v1")
public class DynamoApi extends Application {
    /**
     * No WADL: it answered OPTIONS with an XML document of the resources, where the API answers JSON only; OPTIONS
     * still lists a path's methods in its Allow header.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
