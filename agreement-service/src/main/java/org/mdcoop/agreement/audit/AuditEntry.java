package org.mdcoop.agreement.audit;

import java.time.Instant;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

/**
 * One row of the joint audit log, as stored and exported. Created only by {@link AuditChain#append}; see
 * docs/audit.md for the canonical form that {@link #hash} covers.
 *
 * @param seq           1, 2, 3, … without gaps
 * @param at            truncated to microseconds (round-trips through PostgreSQL {@code timestamptz})
 * @param party         the acting party, {@code null} for system actions (expiry, end of a notice period)
 * @param subject       who acted: {@code issuer + "|" + sub} of the caller's token, or e.g. {@code system|scheduler}
 * @param action        what happened, usually the event type, e.g. {@code agreement.activated}
 * @param agreementId   the agreement concerned, or {@code null}
 * @param payloadDigest lower-case hex SHA-256 of the canonical JSON of the command payload ({@link PayloadDigest})
 * @param prevHash      the previous entry's {@code hash}, or {@link AuditChain#GENESIS_HASH} for seq 1
 * @param hash          lower-case hex SHA-256 of {@code prevHash ‖ "\n" ‖ canonical entry}
 */
public record AuditEntry(long seq, Instant at, Party party, String subject, String action, UUID agreementId,
        String payloadDigest, String prevHash, String hash) {

    /** The fields the caller supplies when appending; seq, prevHash and hash are computed by the chain. */
    public record Fields(Instant at, Party party, String subject, String action, UUID agreementId,
            String payloadDigest) {
    }

    public Fields fields() {
        return new Fields(at, party, subject, action, agreementId, payloadDigest);
    }
}
