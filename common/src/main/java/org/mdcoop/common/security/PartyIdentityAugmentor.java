package org.mdcoop.common.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Attaches the caller's party to every authenticated identity, taken from the tenant that verified the token.
 * Claims inside the token are deliberately ignored: a realm administrator can put any claim into a token, but
 * only the party's own identity provider can make a token that its tenant verifies.
 */
@ApplicationScoped
public class PartyIdentityAugmentor implements SecurityIdentityAugmentor {

    /** Identity attribute holding the {@link org.mdcoop.common.domain.Party}. */
    public static final String PARTY_ATTRIBUTE = "mdcoop.party";
    /** Attribute Quarkus OIDC sets to the id of the verifying tenant. */
    static final String TENANT_ID_ATTRIBUTE = "tenant-id";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        String tenantId = identity.getAttribute(TENANT_ID_ATTRIBUTE);
        return TenantParty.partyOfTenant(tenantId)
                .map(party -> Uni.createFrom().item((SecurityIdentity) QuarkusSecurityIdentity.builder(identity)
                        .addAttribute(PARTY_ATTRIBUTE, party)
                        .build()))
                .orElseGet(() -> Uni.createFrom().failure(
                        new AuthenticationFailedException("token was not verified by a party's identity provider")));
    }
}
