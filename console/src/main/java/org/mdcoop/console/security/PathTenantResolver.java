package org.mdcoop.console.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;

/**
 * Chooses the party's tenant from the path: {@code /nato/...} and {@code /api/nato/...} are NATO's,
 * {@code /russia/...} and {@code /api/russia/...} Russia's. Each tenant reads only its own session cookie
 * ({@code q_session_<tenant>}), encrypted with its own key and holding tokens its own realm signed, so a session of
 * one party presented on the other party's paths is not a session there. Every other path has no tenant (the
 * default tenant is disabled): the party picker and the SPA's assets are public.
 */
@ApplicationScoped
public class PathTenantResolver implements TenantResolver {

    @Override
    public String resolve(RoutingContext context) {
        // null selects the disabled default tenant: the request stays anonymous
        return TenantParty.tenantOfPath(context.normalizedPath()).orElse(null);
    }
}
