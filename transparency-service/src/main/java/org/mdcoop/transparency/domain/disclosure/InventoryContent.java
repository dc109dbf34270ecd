package org.mdcoop.transparency.domain.disclosure;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.mdcoop.transparency.domain.FieldErrors;

/**
 * INVENTORY: the party's missile-defence components. Designations are unique within one inventory (they are the
 * key by which versions are compared). An empty list is a valid declaration of "none".
 */
public record InventoryContent(List<Component> components) implements DisclosureContent {

    public static final int MAX_DESIGNATION = 120;

    /** One declared component: a site, launcher, radar or command centre, with how many and where. */
    public record Component(ComponentType type, String designation, Integer count, Double lat, Double lon,
            ComponentStatus status) {
    }

    @Override
    public DisclosureKind kind() {
        return DisclosureKind.INVENTORY;
    }

    @Override
    public void validate(FieldErrors errors) {
        if (!errors.required("components", components)) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < components.size(); i++) {
            String p = FieldErrors.index("", "components", i);
            Component c = components.get(i);
            if (c == null) {
                errors.add(p, "is required");
                continue;
            }
            errors.required(p + ".type", c.type());
            if (errors.text(p + ".designation", c.designation(), MAX_DESIGNATION)
                    && !seen.add(c.designation().trim())) {
                errors.add(p + ".designation", "duplicates another component's designation");
            }
            errors.nonNegative(p + ".count", c.count());
            errors.latitude(p + ".lat", c.lat());
            errors.longitude(p + ".lon", c.lon());
            errors.required(p + ".status", c.status());
        }
    }
}
