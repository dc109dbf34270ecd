package org.mdcoop.transparency.api;

import static org.mdcoop.common.security.Roles.ANALYST;
import static org.mdcoop.common.security.Roles.AUDITOR;
import static org.mdcoop.common.security.Roles.LIAISON;
import static org.mdcoop.common.security.Roles.TRANSPARENCY_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mdcoop.transparency.service.ComplianceService;
import org.mdcoop.transparency.service.ComplianceService.ComplianceView;

/** The deadline clocks per party: what is due, what was on time or late, what is overdue. */
@Path("/api/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "compliance")
public class ComplianceResource {

    private final ComplianceService compliance;

    public ComplianceResource(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @GET
    @RolesAllowed({ TRANSPARENCY_OFFICER, ANALYST, AUDITOR, LIAISON })
    @Operation(summary = "Per party: the initial, update and change obligations with their due dates and status "
            + "(ON_TIME, LATE, OVERDUE, PENDING); only submissions count, never drafts")
    public ComplianceView compliance(@QueryParam("party") String party) {
        return compliance.compliance(TransparencyRequests.party(party));
    }
}
