package org.mdcoop.console.security;

import java.util.Optional;

/**
 * Which OIDC tenant speaks for which party: the same rule as common's {@code TenantParty}, written again here
 * because depending on common would bring its datasource, Flyway, Kafka and outbox into the console. The tenant is
 * the {@code quarkus.oidc.<tenant>} configuration that verified the session's tokens, so a party can only be
 * claimed with tokens its own identity provider signed.
 */
public final class TenantParty {

    public static final String NATO_TENANT = "nato";
    public static final String RUSSIA_TENANT = "russia";
    /** Attribute Quarkus OIDC sets on the identity: the id of the tenant that verified it. */
    public static final String TENANT_ID_ATTRIBUTE = "tenant-id";

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

    /** The tenant named by the first segment of a path such as {@code /nato/...} or {@code /api/nato/...}. */
    public static Optional<String> tenantOfPath(String normalizedPath) {
        if (normalizedPath == null) {
            return Optional.empty();
        }
        String rest = normalizedPath.startsWith("/api/") ? normalizedPath.substring(4) : normalizedPath;
        for (String tenant : new String[] { NATO_TENANT, RUSSIA_TENANT }) {
            String prefix = "/" + tenant;
            if (rest.equals(prefix) || rest.startsWith(prefix + "/")) {
                return Optional.of(tenant);
            }
        }
        return Optional.empty();
    }
}
