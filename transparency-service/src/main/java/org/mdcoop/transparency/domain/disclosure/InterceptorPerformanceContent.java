package org.mdcoop.transparency.domain.disclosure;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mdcoop.transparency.domain.FieldErrors;

/**
 * INTERCEPTOR_PERFORMANCE: one entry per interceptor type the party fields (a party usually has more than one, e.g.
 * an older and a newer variant). At least one entry; interceptor types unique (they are the key for change notices).
 */
public record InterceptorPerformanceContent(List<Interceptor> interceptors) implements DisclosureContent {

    public static final int MAX_TYPE = 120;
    public static final double MAX_RANGE_KM = 20_000;
    public static final double MAX_ALTITUDE_KM = 5_000;
    public static final double MAX_BURNOUT_KM_S = 12;

    /** Declared kinematic performance of one interceptor type. */
    public record Interceptor(String interceptorType, Double maxRangeKm, Double maxAltitudeKm,
            Double burnoutVelocityKmS) {
    }

    public static InterceptorPerformanceContent of(Interceptor... interceptors) {
        return new InterceptorPerformanceContent(List.of(interceptors));
    }

    /** The entry for {@code interceptorType} (exact match after trimming), if declared. */
    public Optional<Interceptor> find(String interceptorType) {
        if (interceptors == null || interceptorType == null) {
            return Optional.empty();
        }
        return interceptors.stream()
                .filter(i -> i != null && i.interceptorType() != null
                        && i.interceptorType().trim().equals(interceptorType.trim()))
                .findFirst();
    }

    @Override
    public DisclosureKind kind() {
        return DisclosureKind.INTERCEPTOR_PERFORMANCE;
    }

    @Override
    public void validate(FieldErrors errors) {
        if (!errors.required("interceptors", interceptors)) {
            return;
        }
        if (interceptors.isEmpty()) {
            errors.add("interceptors", "must list at least one interceptor type");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < interceptors.size(); i++) {
            String p = FieldErrors.index("", "interceptors", i);
            Interceptor it = interceptors.get(i);
            if (it == null) {
                errors.add(p, "is required");
                continue;
            }
            if (errors.text(p + ".interceptorType", it.interceptorType(), MAX_TYPE)
                    && !seen.add(it.interceptorType().trim())) {
                errors.add(p + ".interceptorType", "duplicates another entry's interceptor type");
            }
            errors.positiveUpTo(p + ".maxRangeKm", it.maxRangeKm(), MAX_RANGE_KM);
            errors.positiveUpTo(p + ".maxAltitudeKm", it.maxAltitudeKm(), MAX_ALTITUDE_KM);
            errors.positiveUpTo(p + ".burnoutVelocityKmS", it.burnoutVelocityKmS(), MAX_BURNOUT_KM_S);
        }
    }
}
