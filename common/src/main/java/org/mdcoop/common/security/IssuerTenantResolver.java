package org.mdcoop.common.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;

/**
 * Chooses the OIDC tenant whose issuer the bearer token names. It only decides which party's identity provider
 * <em>tries</em> to verify the token; that tenant then checks signature, issuer, audience and expiry, so naming the
 * other party's issuer gains nothing. Unlike Quarkus' built-in issuer resolution it works before the tenant has
 * reached its identity provider, so an unreachable provider yields 503 instead of an anonymous 401.
 */
@ApplicationScoped
public class IssuerTenantResolver implements TenantResolver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> tenantByIssuer;

    public IssuerTenantResolver(@ConfigProperty(name = "mdcoop.oidc.issuer.nato") String natoIssuer,
            @ConfigProperty(name = "mdcoop.oidc.issuer.russia") String russiaIssuer) {
        this.tenantByIssuer = Map.of(
                stripSlash(natoIssuer), TenantParty.NATO_TENANT,
                stripSlash(russiaIssuer), TenantParty.RUSSIA_TENANT);
    }

    @Override
    public String resolve(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String issuer = unverifiedIssuer(authorization.substring(7).trim());
        // null selects the disabled default tenant: the request stays unauthenticated (401)
        return issuer == null ? null : tenantByIssuer.get(stripSlash(issuer));
    }

    static String unverifiedIssuer(String jwt) {
        int first = jwt.indexOf('.');
        int second = first < 0 ? -1 : jwt.indexOf('.', first + 1);
        if (first < 0 || second < 0 || second - first > 16_384) {
            return null;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(jwt.substring(first + 1, second));
            JsonNode iss = JSON.readTree(new String(payload, StandardCharsets.UTF_8)).path("iss");
            return iss.isTextual() ? iss.asText() : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private static String stripSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
