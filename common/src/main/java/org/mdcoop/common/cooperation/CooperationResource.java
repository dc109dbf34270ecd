package org.mdcoop.common.cooperation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

    /**
     * One agreement as this service sees it: the terms of the highest revision received, {@code inForce} by the terms
     * with this service's clock, and {@code cooperation} adding the heartbeat (SUSPENDED: in force, not heard lately).
     */
    public record AgreementEntry(UUID agreementId, long revision, String status, String elements, boolean inForce,
            CooperationView.Cooperation cooperation, Instant effectiveAt, Instant expiresAt, Instant noticeEndsAt,
            Instant endedAt, String withdrawnBy, Instant inForceSince, Instant updatedAt) {
    }

    private final CooperationView view;

    public CooperationResource(CooperationView view) {
        this.view = view;
    }

    @GET
    @RolesAllowed({ Roles.LIAISON, Roles.TRANSPARENCY_OFFICER, Roles.EXERCISE_PLANNER, Roles.FUSION_OPERATOR,
            Roles.ANALYST, Roles.AUDITOR })
    @Operation(summary = "This service's view of every agreement's status, as published by the agreement-service")
    public List<AgreementEntry> agreements() {
        return view.all().stream().map(row -> {
            CooperationView.Cooperation state = view.stateOf(row);
            return new AgreementEntry(row.agreementId, row.revision, row.status, row.elements,
                    state != CooperationView.Cooperation.NOT_IN_FORCE, state, row.effectiveAt, row.expiresAt,
                    row.noticeEndsAt, row.endedAt, row.withdrawnBy, row.inForceSince, row.updatedAt);
        }).toList();
    }
}
