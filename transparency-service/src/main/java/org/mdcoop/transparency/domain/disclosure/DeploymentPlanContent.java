package org.mdcoop.transparency.domain.disclosure;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.mdcoop.transparency.domain.FieldErrors;

/**
 * DEPLOYMENT_PLAN: phases in chronological order. Each phase has a unique name, {@code startDate ≤ endDate}, and a
 * start not before the previous phase's start (phases may overlap). Sites within a phase have unique designations.
 */
public record DeploymentPlanContent(List<Phase> phases) implements DisclosureContent {

    public static final int MAX_NAME = 120;

    public record Phase(String name, LocalDate startDate, LocalDate endDate, List<PlannedSite> sites) {
    }

    /** A site the phase deploys to, with the number of interceptors/launchers planned there. */
    public record PlannedSite(String designation, Double lat, Double lon, Integer count) {
    }

    @Override
    public DisclosureKind kind() {
        return DisclosureKind.DEPLOYMENT_PLAN;
    }

    @Override
    public void validate(FieldErrors errors) {
        if (!errors.required("phases", phases)) {
            return;
        }
        if (phases.isEmpty()) {
            errors.add("phases", "must contain at least one phase");
        }
        Set<String> names = new HashSet<>();
        LocalDate previousStart = null;
        for (int i = 0; i < phases.size(); i++) {
            String p = FieldErrors.index("", "phases", i);
            Phase ph = phases.get(i);
            if (ph == null) {
                errors.add(p, "is required");
                continue;
            }
            if (errors.text(p + ".name", ph.name(), MAX_NAME) && !names.add(ph.name().trim())) {
                errors.add(p + ".name", "duplicates another phase's name");
            }
            boolean hasStart = errors.required(p + ".startDate", ph.startDate());
            boolean hasEnd = errors.required(p + ".endDate", ph.endDate());
            if (hasStart && hasEnd && ph.endDate().isBefore(ph.startDate())) {
                errors.add(p + ".endDate", "must not be before startDate");
            }
            if (hasStart) {
                if (previousStart != null && ph.startDate().isBefore(previousStart)) {
                    errors.add(p + ".startDate", "must not be before the previous phase's startDate (phases in order)");
                }
                previousStart = ph.startDate();
            }
            validateSites(p, ph.sites(), errors);
        }
    }

    private static void validateSites(String phasePath, List<PlannedSite> sites, FieldErrors errors) {
        if (!errors.required(phasePath + ".sites", sites)) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < sites.size(); j++) {
            String s = FieldErrors.index(phasePath, "sites", j);
            PlannedSite site = sites.get(j);
            if (site == null) {
                errors.add(s, "is required");
                continue;
            }
            if (errors.text(s + ".designation", site.designation(), MAX_NAME) && !seen.add(site.designation().trim())) {
                errors.add(s + ".designation", "duplicates another site of this phase");
            }
            errors.latitude(s + ".lat", site.lat());
            errors.longitude(s + ".lon", site.lon());
            errors.nonNegative(s + ".count", site.count());
        }
    }
}
