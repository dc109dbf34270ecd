package org.mdcoop.agreement.api;

import static org.mdcoop.common.security.Roles.AUDITOR;
import static org.mdcoop.common.security.Roles.LIAISON;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mdcoop.agreement.audit.AuditChain;
import org.mdcoop.agreement.audit.AuditEntry;
import org.mdcoop.agreement.audit.AuditExportJson;
import org.mdcoop.agreement.audit.VerificationResult;
import org.mdcoop.agreement.service.AuditLog;

/** The joint audit log, readable by both parties' auditors and liaisons. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ AUDITOR, LIAISON })
@Tag(name = "audit")
public class AuditResource {

    public record AuditPage(List<AuditEntry> entries, Long nextSeq) {
    }

    public record AuditHead(long seq, String hash, String format) {
    }

    private final AuditLog auditLog;

    public AuditResource(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GET
    @Operation(summary = "A page of the chain, from seq (inclusive), in order")
    public AuditPage chain(@QueryParam("fromSeq") @DefaultValue("1") @Min(1) long fromSeq,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        List<AuditEntry> entries = auditLog.page(fromSeq, limit + 1);
        Long next = entries.size() > limit ? entries.get(limit).seq() : null;
        return new AuditPage(entries.subList(0, Math.min(limit, entries.size())), next);
    }

    @GET
    @Path("/head")
    public AuditHead head() {
        return auditLog.head()
                .map(e -> new AuditHead(e.seq(), e.hash(), AuditChain.FORMAT))
                .orElse(new AuditHead(0, AuditChain.GENESIS_HASH, AuditChain.FORMAT));
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Recompute every hash of the stored chain; says at which entry it breaks")
    public VerificationResult verify() {
        return auditLog.verify();
    }

    @GET
    @Path("/export")
    @Operation(summary = "The whole chain in the format tools/audit-verify checks offline")
    public String export() {
        return AuditExportJson.write(auditLog.all());
    }
}
