package org.mdcoop.transparency.domain.observation;

import java.util.List;

import org.mdcoop.transparency.domain.FieldErrors;
import org.mdcoop.transparency.domain.LatLon;

/**
 * A launch or impact area: a CIRCLE (centre + radiusKm &gt; 0, at most 5,000 km) or a POLYGON (≥ 3 vertices,
 * implicitly closed, no repeated closing vertex needed). One flat record rather than a sealed hierarchy so that it
 * (de)serialises as JSON without type annotations; the unused fields of the other shape must be null.
 */
public record Area(Shape shape, LatLon centre, Double radiusKm, List<LatLon> vertices) {

    public static final double MAX_RADIUS_KM = 5_000;

    public enum Shape {
        CIRCLE,
        POLYGON
    }

    public static Area circle(double lat, double lon, double radiusKm) {
        return new Area(Shape.CIRCLE, LatLon.of(lat, lon), radiusKm, null);
    }

    public static Area polygon(LatLon... vertices) {
        return new Area(Shape.POLYGON, null, null, List.of(vertices));
    }

    public void validate(String path, FieldErrors errors) {
        if (!errors.required(FieldErrors.join(path, "shape"), shape)) {
            return;
        }
        switch (shape) {
            case CIRCLE -> {
                if (errors.required(FieldErrors.join(path, "centre"), centre)) {
                    centre.validate(FieldErrors.join(path, "centre"), errors);
                }
                errors.positiveUpTo(FieldErrors.join(path, "radiusKm"), radiusKm, MAX_RADIUS_KM);
                if (vertices != null) {
                    errors.add(FieldErrors.join(path, "vertices"), "must be absent for a CIRCLE");
                }
            }
            case POLYGON -> {
                if (errors.required(FieldErrors.join(path, "vertices"), vertices)) {
                    if (vertices.size() < 3) {
                        errors.add(FieldErrors.join(path, "vertices"), "must have at least 3 vertices");
                    }
                    for (int i = 0; i < vertices.size(); i++) {
                        String v = FieldErrors.index(path, "vertices", i);
                        if (vertices.get(i) == null) {
                            errors.add(v, "is required");
                        } else {
                            vertices.get(i).validate(v, errors);
                        }
                    }
                }
                if (centre != null || radiusKm != null) {
                    errors.add(FieldErrors.join(path, "shape"), "a POLYGON takes vertices only, no centre/radiusKm");
                }
            }
        }
    }
}
