package org.mdcoop.common.cooperation;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mdcoop.common.security.Roles;

import io.quarkus.arc.properties.IfBuildProperty;

/** What this service believes about the agreement: the basis of its "in force" decisions. */
@Path("/api/cooperation")
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "mdcoop.cooperation-view.enabled", stringValue = "true")
public class CooperationResource {

    private final CooperationView view;

    public CooperationResource(CooperationView view) {
        this.view = view;
    }

    @GET
    @RolesAllowed({ Roles.LIAISON, Roles.TRANSPARENCY_OFFICER, Roles.EXERCISE_PLANNER, Roles.FUSION_OPERATOR,
            Roles.ANALYST, Roles.AUDITOR })
    @Operation(summary = "This service's view of every agreement's status, as published by the agreement-service")
    public List<AgreementViewRow> agreements() {
        return view.all();
    }
}
