package org.mdcoop.common.cooperation;

import java.util.Set;
import java.util.UUID;

/**
 * Fired (synchronously, inside the consumer's transaction) when an agreement starts or stops being in force, or when,
 * while it stays in force, one of its elements closes (a party stopped it, or an adopted {@code REMOVE_ELEMENT}
 * amendment removed it) or opens (an adopted {@code ADD_ELEMENT}), so a service stops its cooperation in the same
 * transaction that records the end: halting exercises, cancelling invitations, shutting the fusion centre.
 *
 * @param elements the elements the agreement covers now (after the change)
 * @param closed   elements that closed by this change while the agreement stays in force (empty otherwise)
 * @param opened   elements that opened by this change while the agreement stays in force (empty otherwise)
 */
public record CooperationChanged(UUID agreementId, Set<String> elements, boolean inForce, String status,
        Set<String> closed, Set<String> opened) {

    public CooperationChanged {
        elements = Set.copyOf(elements);
        closed = closed == null ? Set.of() : Set.copyOf(closed);
        opened = opened == null ? Set.of() : Set.copyOf(opened);
    }

    /** The agreement itself started or ended (no single element). */
    public CooperationChanged(UUID agreementId, Set<String> elements, boolean inForce, String status) {
        this(agreementId, elements, inForce, status, Set.of(), Set.of());
    }

    /** The agreement is no longer in force: every element it covered closes. */
    public boolean ended() {
        return !inForce;
    }

    public boolean covers(String element) {
        return elements.contains(element);
    }

    /**
     * Whether {@code element} closes by this change: the agreement ended and covered it, or the element alone was
     * stopped or removed while the agreement stays in force.
     */
    public boolean closes(String element) {
        return (ended() && covers(element)) || closed.contains(element);
    }
}
