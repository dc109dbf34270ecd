package org.mdcoop.fusion.api;

import static org.mdcoop.common.security.Roles.ANALYST;
import static org.mdcoop.common.security.Roles.FUSION_OPERATOR;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mdcoop.common.api.Problem;
import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.domain.NotPermitted;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.security.Caller;
import org.mdcoop.common.events.SensorReportMessage;
import org.mdcoop.fusion.domain.PolarReports;
import org.mdcoop.fusion.domain.Report;
import org.mdcoop.fusion.persistence.ReportStore;
import org.mdcoop.fusion.service.FusionConfig;
import org.mdcoop.fusion.service.IngestResult;
import org.mdcoop.fusion.service.IngestService;
import org.mdcoop.fusion.service.SensorService;

@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
public class ReportResource {

    /**
     * One report as a sensor gateway sends it; the party is the caller's, never part of the body. Either a position
     * (xM, yM, zM with sigmaM or covariance) or a radar's {@code polar} measurement from the sensor's registered site.
     */
    public record ReportRequest(String reportId, String sensorId, Instant t, Double xM, Double yM, Double zM,
            Double sigmaM, double[] covariance, Double vxMps, Double vyMps, Double vzMps, Boolean exercise,
            UUID exerciseId, SensorReportMessage.Polar polar) {

        Report toReport(Party party) {
            return new Report(reportId, sensorId, party, t, orNaN(xM), orNaN(yM), orNaN(zM), sigmaM, covariance,
                    vxMps, vyMps, vzMps, exercise != null ? exercise : exerciseId != null, exerciseId,
                    PolarReports.fromMessage(polar));
        }

        private static double orNaN(Double v) {
            return v == null ? Double.NaN : v;
        }
    }

    /** The outcome of a batch in which every report was accepted or already known. */
    public record IngestResponse(int accepted, int duplicates, List<IngestResult.Rejected> rejected) {
    }

    /**
     * A stored raw report, as its owner reads it back: a polar report with its measurement (sigmas as fused) and the
     * position and covariance it stands for.
     */
    public record ReportView(String reportId, String sensorId, Party party, Instant t, double xM, double yM,
            double zM, Double sigmaM, double[] covariance, Double vxMps, Double vyMps, Double vzMps, boolean exercise,
            UUID exerciseId, SensorReportMessage.Polar polar) {

        static ReportView of(Report r) {
            return new ReportView(r.reportId(), r.sensorId(), r.party(), r.t(), r.xM(), r.yM(), r.zM(), r.sigmaM(),
                    r.covarianceM2(), r.vxMps(), r.vyMps(), r.vzMps(), r.exercise(), r.exerciseId(),
                    PolarReports.toMessage(r.radar()));
        }
    }

    private final IngestService ingest;
    private final SensorService sensors;
    private final ReportStore reports;
    private final FusionConfig config;
    private final Caller caller;

    public ReportResource(IngestService ingest, SensorService sensors, ReportStore reports, FusionConfig config,
            Caller caller) {
        this.ingest = ingest;
        this.sensors = sensors;
        this.reports = reports;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(FUSION_OPERATOR)
    @Operation(summary = "Submit a batch of reports of the caller's party's sensors",
            description = "200 {accepted, duplicates, rejected: []} when every report was stored or already known. "
                    + "400 problem+json (type invalid-reports) when any was refused: the valid reports of the batch "
                    + "ARE stored and fused; the problem lists accepted, duplicates and rejected [{index, reportId, "
                    + "reason}] and errors [{field: '[index]' or, for a polar measurement's value, '[index].polar.rangeM' etc., message}]. 409 cooperation-not-in-force while no "
                    + "agreement covering DATA_FUSION_CENTRE is in force (nothing stored).")
    public Response submit(List<ReportRequest> batch, @Context UriInfo uri) {
        if (batch == null || batch.isEmpty()) {
            throw ValidationFailed.of("body", "a batch holds 1 to " + config.maxBatch() + " reports");
        }
        if (batch.size() > config.maxBatch()) {
            throw ValidationFailed.of("body", "a batch holds at most " + config.maxBatch() + " reports");
        }
        Party party = caller.party();
        List<Report> candidates = new ArrayList<>(batch.size());
        for (ReportRequest r : batch) {
            candidates.add(r == null ? null : r.toReport(party));
        }
        IngestResult result = ingest.ingestBatch(party, candidates);
        if (result.rejected().isEmpty()) {
            return Response.ok(new IngestResponse(result.accepted(), result.duplicates(), List.of())).build();
        }
        return new Problem("invalid-reports", "Some reports were refused", 400,
                result.rejected().size() + " of " + batch.size() + " reports were refused; the other "
                        + (result.accepted() + result.duplicates()) + " were processed (" + result.accepted()
                        + " accepted, " + result.duplicates() + " already known)")
                .withErrors(result.rejected().stream()
                        .map(r -> new Problem.FieldViolation(fieldOf(r), r.reason())).toList())
                .with("accepted", result.accepted())
                .with("duplicates", result.duplicates())
                .with("rejected", result.rejected())
                .withInstance(uri.getPath()).toResponse();
    }

    /** The refused report's index, and the measurement's field when the reason names one ("[3].polar.rangeM"). */
    private static String fieldOf(IngestResult.Rejected r) {
        String field = "[" + r.index() + "]";
        String reason = r.reason();
        if (reason != null && reason.startsWith("polar.")) {
            int end = reason.indexOf(' ');
            field += "." + (end < 0 ? reason : reason.substring(0, end));
        }
        return field;
    }

    @GET
    @RolesAllowed({ FUSION_OPERATOR, ANALYST })
    @Operation(summary = "Raw reports of one of the caller's party's sensors, newest first")
    public List<ReportView> bySensor(@QueryParam("sensorId") @NotBlank String sensorId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Party owner = sensors.ownerOf(sensorId);
        if (owner == null) {
            throw new NotFound("no sensor " + sensorId);
        }
        if (owner != caller.party()) {
            throw new NotPermitted("raw reports are visible only to the sensor's owner");
        }
        return reports.bySensor(sensorId, limit).stream().map(ReportView::of).toList();
    }
}
