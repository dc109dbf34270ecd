package org.mdcoop.transparency.domain.reachability;

import org.mdcoop.transparency.domain.FieldErrors;
import org.mdcoop.transparency.domain.LatLon;

/**
 * A reference ballistic trajectory to assess against.
 *
 * @param burnoutSpeedKmS null = the minimum-energy trajectory for the range; otherwise (0, 11] km/s
 */
public record ReferenceTrajectory(String id, String name, LatLon launch, LatLon target, Double burnoutSpeedKmS) {

    public void validate(String path, FieldErrors errors) {
        errors.text(FieldErrors.join(path, "id"), id, 64);
        if (name != null && name.length() > 200) {
            errors.add(FieldErrors.join(path, "name"), "must be at most 200 characters");
        }
        if (errors.required(FieldErrors.join(path, "launch"), launch)) {
            launch.validate(FieldErrors.join(path, "launch"), errors);
        }
        if (errors.required(FieldErrors.join(path, "target"), target)) {
            target.validate(FieldErrors.join(path, "target"), errors);
        }
        if (burnoutSpeedKmS != null) {
            errors.positiveUpTo(FieldErrors.join(path, "burnoutSpeedKmS"), burnoutSpeedKmS, 11);
        }
    }
}
