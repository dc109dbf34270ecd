package org.mdcoop.transparency.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.transparency.domain.FieldErrors;
import org.mdcoop.transparency.domain.LatLon;
import org.mdcoop.transparency.domain.disclosure.DisclosureKind;
import org.mdcoop.transparency.domain.disclosure.InterceptorPerformanceContent;
import org.mdcoop.transparency.domain.reachability.AssessmentParameters;
import org.mdcoop.transparency.domain.reachability.InterceptorSpec;
import org.mdcoop.transparency.domain.reachability.ReachabilityAssessment;
import org.mdcoop.transparency.domain.reachability.ReachabilityAssessment.InterceptorEnvelope;
import org.mdcoop.transparency.domain.reachability.ReachabilityAssessor;
import org.mdcoop.transparency.domain.reachability.ReferenceTrajectories;
import org.mdcoop.transparency.domain.reachability.ReferenceTrajectory;
import org.mdcoop.transparency.domain.reachability.TrajectoryAssessment;

/**
 * The reachability question: could this interceptor reach these ballistic trajectories in time? The interceptor is
 * given directly (site + burnout velocity) or taken from an INTERCEPTOR_PERFORMANCE disclosure the caller may read
 * (site + interceptor type); trajectories are given, or named from the built-in illustrative set. Nothing is stored.
 */
@ApplicationScoped
public class AssessmentService {

    /**
     * What to assess. {@code interceptor.site} always; then either {@code burnoutVelocityKmS} (optionally with
     * declared caps) or {@code disclosureId} + {@code interceptorType}.
     */
    public record Input(LatLon site, Double burnoutVelocityKmS, Double maxRangeKm, Double maxAltitudeKm,
            UUID disclosureId, String interceptorType, List<ReferenceTrajectory> trajectories,
            List<String> trajectoryIds, AssessmentParameters parameters) {
    }

    /**
     * @param source          DIRECT or DISCLOSURE
     * @param disclosureId    the disclosure the interceptor was taken from (DISCLOSURE only)
     * @param disclaimer      set when built-in illustrative trajectories were used
     */
    public record Result(String source, UUID disclosureId, Integer disclosureVersion, Party disclosureParty,
            InterceptorSpec interceptor, AssessmentParameters parameters, InterceptorEnvelope envelope,
            boolean anyReachable, List<TrajectoryAssessment> trajectories, List<String> assumptions,
            String disclaimer) {
    }

    public record ReferenceSet(String disclaimer, List<ReferenceTrajectory> trajectories) {
    }

    private final DisclosureService disclosures;
    private final ReachabilityAssessor assessor = new ReachabilityAssessor();

    public AssessmentService(DisclosureService disclosures) {
        this.disclosures = disclosures;
    }

    public ReferenceSet referenceTrajectories() {
        return new ReferenceSet(ReferenceTrajectories.DISCLAIMER, ReferenceTrajectories.illustrative());
    }

    public Result assess(Party reader, Input in) {
        FieldErrors errors = new FieldErrors();
        boolean direct = in.burnoutVelocityKmS() != null;
        boolean fromDisclosure = in.disclosureId() != null || in.interceptorType() != null;
        if (direct && fromDisclosure) {
            errors.add("interceptor", "give either burnoutVelocityKmS or disclosureId with interceptorType, not both");
        } else if (!direct && !fromDisclosure) {
            errors.add("interceptor.burnoutVelocityKmS", "is required unless disclosureId and interceptorType are given");
        } else if (fromDisclosure) {
            errors.required("interceptor.disclosureId", in.disclosureId());
            errors.text("interceptor.interceptorType", in.interceptorType(), InterceptorPerformanceContent.MAX_TYPE);
            if (in.maxRangeKm() != null || in.maxAltitudeKm() != null) {
                errors.add("interceptor", "maxRangeKm and maxAltitudeKm come from the disclosure");
            }
        }
        List<ReferenceTrajectory> trajectories = new ArrayList<>();
        if (in.trajectories() != null) {
            trajectories.addAll(in.trajectories());
        }
        boolean builtIn = false;
        if (in.trajectoryIds() != null) {
            for (int i = 0; i < in.trajectoryIds().size(); i++) {
                String id = in.trajectoryIds().get(i);
                var ref = id == null ? java.util.Optional.<ReferenceTrajectory>empty() : ReferenceTrajectories.byId(id);
                if (ref.isEmpty()) {
                    errors.add("trajectoryIds[" + i + "]", "is not a built-in reference trajectory; known: "
                            + ReferenceTrajectories.illustrative().stream().map(ReferenceTrajectory::id).toList());
                } else {
                    trajectories.add(ref.get());
                    builtIn = true;
                }
            }
        }
        if (trajectories.isEmpty() && (in.trajectoryIds() == null || in.trajectoryIds().isEmpty())) {
            errors.add("trajectories", "give trajectories or trajectoryIds (at least one)");
        }
        errors.throwIfAny();

        InterceptorSpec spec;
        DisclosureView source = null;
        if (direct) {
            spec = new InterceptorSpec(in.site(), in.burnoutVelocityKmS(), in.maxRangeKm(), in.maxAltitudeKm());
        } else {
            // the same access rule as GET /api/disclosures/{id}: 404 for drafts of the other party, 403 otherwise
            source = disclosures.get(reader, in.disclosureId());
            if (source.kind() != DisclosureKind.INTERCEPTOR_PERFORMANCE) {
                throw ValidationFailed.of("interceptor.disclosureId", "must be an INTERCEPTOR_PERFORMANCE disclosure");
            }
            InterceptorPerformanceContent content = (InterceptorPerformanceContent) source.content();
            var declared = content.find(in.interceptorType()).orElseThrow(() -> ValidationFailed.of(
                    "interceptor.interceptorType", "is not declared in that disclosure; declared: "
                            + content.interceptors().stream().map(InterceptorPerformanceContent.Interceptor::interceptorType)
                                    .toList()));
            spec = InterceptorSpec.fromDisclosure(in.site(), declared);
        }
        AssessmentParameters params = in.parameters() == null ? AssessmentParameters.DEFAULT : in.parameters();
        ReachabilityAssessment a = assessor.assess(spec, trajectories, params);
        return new Result(direct ? "DIRECT" : "DISCLOSURE", source == null ? null : source.id(),
                source == null ? null : source.version(), source == null ? null : source.party(), a.interceptor(),
                a.parameters(), a.envelope(), a.anyReachable(), a.trajectories(), a.assumptions(),
                builtIn ? ReferenceTrajectories.DISCLAIMER : null);
    }
}
