package org.mdcoop.fusion.api;

import static org.mdcoop.common.security.Roles.ANALYST;
import static org.mdcoop.common.security.Roles.FUSION_OPERATOR;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mdcoop.common.security.Caller;
import org.mdcoop.fusion.api.SensorRequests.SensorChange;
import org.mdcoop.fusion.api.SensorRequests.SensorRegistration;
import org.mdcoop.fusion.service.SensorService;
import org.mdcoop.fusion.service.SensorView;

@Path("/api/sensors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sensors")
public class SensorResource {

    private final SensorService sensors;
    private final Caller caller;

    public SensorResource(SensorService sensors, Caller caller) {
        this.sensors = sensors;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ FUSION_OPERATOR, ANALYST })
    @Operation(summary = "Every sensor: the caller's party's in full, the other party's as id, party and type only")
    public List<SensorView> list() {
        return sensors.list(caller.party());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ FUSION_OPERATOR, ANALYST })
    public SensorView get(@PathParam("id") String id) {
        return sensors.get(caller.party(), id);
    }

    @POST
    @RolesAllowed(FUSION_OPERATOR)
    @Operation(summary = "Register a sensor of the caller's party")
    public Response register(@Valid @NotNull SensorRegistration request) {
        SensorView created = sensors.register(caller.party(), request.id(), request.toDefinition());
        return Response.created(URI.create("/api/sensors/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(FUSION_OPERATOR)
    @Operation(summary = "Update a sensor of the caller's party")
    public SensorView update(@PathParam("id") String id, @Valid @NotNull SensorChange request) {
        return sensors.update(caller.party(), id, request.toDefinition(), request.version());
    }
}
