package org.mdcoop.common.security;

import java.util.Optional;

import org.mdcoop.common.domain.Party;

/**
 * The one place that says which OIDC tenant speaks for which party. The tenant id is the name of the
 * {@code quarkus.oidc.<tenant>} configuration that verified the token's signature and issuer, so a party can only be
 * claimed by holding a token its own identity provider signed.
 */
public final class TenantParty {

    public static final String NATO_TENANT = "nato";
    public static final String RUSSIA_TENANT = "russia";

    private TenantParty() {
    }

    public static Optional<Party> partyOfTenant(String tenantId) {
        if (NATO_TENANT.equals(tenantId)) {
            return Optional.of(Party.NATO);
        }
        if (RUSSIA_TENANT.equals(tenantId)) {
            return Optional.of(Party.RUSSIA);
        }
        return Optional.empty();
    }
}
