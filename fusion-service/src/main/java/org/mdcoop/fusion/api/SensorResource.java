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
import org.mdcoop.fusion.service.RegistrationView;
import org.mdcoop.fusion.service.SensorRegistrations;
import org.mdcoop.fusion.service.SensorService;
import org.mdcoop.fusion.service.SensorView;

@Path("/api/sensors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sensors")
public class SensorResource {

    private final SensorService sensors;
    private final SensorRegistrations registrations;
    private final Caller caller;

    public SensorResource(SensorService sensors, SensorRegistrations registrations, Caller caller) {
        this.sensors = sensors;
        this.registrations = registrations;
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

    @GET
    @Path("/{id}/registration")
    @RolesAllowed({ FUSION_OPERATOR, ANALYST })
    @Operation(summary = "A radar's estimated bias in the live picture",
            description = "The owner: the estimate (range m, azimuth and elevation rad; what the radar reads minus "
                    + "the truth), its 1-sigma uncertainty, status LEARNING, RELIABLE or DRIFTING, residuals and when "
                    + "it was last estimated. The other party: only whether the centre corrects the radar's reports "
                    + "now. 404 for a sensor nobody registered.")
    public RegistrationView registration(@PathParam("id") String id) {
        return registrations.of(caller.party(), id);
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
