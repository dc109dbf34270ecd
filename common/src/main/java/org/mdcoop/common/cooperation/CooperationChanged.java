package org.mdcoop.common.cooperation;

import java.util.Set;
import java.util.UUID;

/**
 * Fired (synchronously, inside the consumer's transaction) when an agreement starts or stops being in force, so a
 * service stops its cooperation in the same transaction that records the end: halting exercises, cancelling
 * invitations, shutting the fusion centre.
 */
public record CooperationChanged(UUID agreementId, Set<String> elements, boolean inForce, String status) {

    public boolean ended() {
        return !inForce;
    }

    public boolean covers(String element) {
        return elements.contains(element);
    }
}
