package io.dynamo.jaxrs.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * Server-sent events for the console: the current ring, health and hints on connect, then each again whenever it
 * changes (see {@link io.dynamo.api.AdminEvents}). The stream stays open until the client goes away.
 */
@Path("admin/events")
@RequestScoped
public class EventsResource {
    @Inject
    AdminEventPublisher publisher;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        publisher.subscribe(sink, sse);
    }

    /**
     * The stream's head without the stream. Without it JAX-RS answers HEAD by running the GET, whose stream never
     * ends and has no body to send: the request hung, holding a subscriber, until the client gave up.
     */
    @HEAD
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Response head() {
        return Response.ok().type(MediaType.SERVER_SENT_EVENTS_TYPE).build();
    }
}
