package org.mdcoop.transparency.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mdcoop.common.domain.Party;
import org.mdcoop.transparency.domain.disclosure.ChangeNotice;
import org.mdcoop.transparency.domain.disclosure.Disclosure;
import org.mdcoop.transparency.domain.disclosure.DisclosureContent;
import org.mdcoop.transparency.domain.disclosure.DisclosureKind;
import org.mdcoop.transparency.domain.disclosure.DisclosureStatus;
import org.mdcoop.transparency.domain.disclosure.Reciprocity.Access;

/**
 * A disclosure version as a reader sees it.
 *
 * @param access        OWN (the reader's party) or RECIPROCAL (the other party's, readable under reciprocity)
 * @param changeNotice  what changed from the previous version (submitted revisions); for the reader's own draft
 *                      revision, the preview of the notice its submission would produce
 * @param allowedActions what the reader's transparency officers may do next (empty for the other party's)
 * @param lockVersion   optimistic-lock counter of this row
 */
public record DisclosureView(UUID id, Party party, DisclosureKind kind, String round, int version,
        DisclosureStatus status, Access access, DisclosureContent content, LocalDate changeOccurredOn,
        ChangeNotice changeNotice, @Schema(description = "true when changeNotice is a preview of a draft")
        boolean changeNoticePreview, Instant createdAt, Instant updatedAt, Instant submittedAt,
        Instant supersededAt, List<String> allowedActions, long lockVersion) {

    static DisclosureView of(Disclosure d, Access access, Disclosure previousForPreview, long lockVersion) {
        boolean preview = d.status() == DisclosureStatus.DRAFT && previousForPreview != null;
        ChangeNotice notice = preview ? d.previewChangeNotice(previousForPreview) : d.changeNotice();
        return new DisclosureView(d.id(), d.party(), d.kind(), d.round().id(), d.version(), d.status(), access,
                d.content(), d.changeOccurredOn(), notice, preview, d.createdAt(), d.updatedAt(), d.submittedAt(),
                d.supersededAt(), access == Access.OWN ? d.allowedActions() : List.of(), lockVersion);
    }
}
