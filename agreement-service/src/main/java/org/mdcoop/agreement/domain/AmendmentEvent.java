package org.mdcoop.agreement.domain;

import java.time.Instant;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

/** Events returned by {@link Amendment}'s commands; the subject is the amendment. */
public sealed interface AmendmentEvent extends DomainEvent {

    UUID amendmentId();

    @Override
    default UUID subjectId() {
        return amendmentId();
    }

    /** Proposed (and, implicitly, endorsed by the proposer). */
    record Proposed(UUID amendmentId, UUID agreementId, Party actor, Instant at, String title)
            implements AmendmentEvent {
        public String type() {
            return "amendment.proposed";
        }
    }

    record Endorsed(UUID amendmentId, UUID agreementId, Party actor, Instant at) implements AmendmentEvent {
        public String type() {
            return "amendment.endorsed";
        }
    }

    /** Both parties have endorsed; follows the {@code Endorsed} event of the second party. */
    record Adopted(UUID amendmentId, UUID agreementId, Party actor, Instant at, String title)
            implements AmendmentEvent {
        public String type() {
            return "amendment.adopted";
        }
    }

    record Rejected(UUID amendmentId, UUID agreementId, Party actor, Instant at, String reason)
            implements AmendmentEvent {
        public String type() {
            return "amendment.rejected";
        }
    }
}
