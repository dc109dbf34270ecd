package org.mdcoop.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Mints bearer tokens the services' {@code %test} OIDC tenants verify for real: each party has its own test key
 * pair and issuer (see common's microprofile-config.properties), so issuer-based tenant resolution, signature and
 * audience checks all run as in production, with no identity provider needed.
 */
public final class TestTokens {

    public static final String NATO_ISSUER = "https://idp.nato.test/realms/nato";
    public static final String RUSSIA_ISSUER = "https://idp.russia.test/realms/russia";
    public static final String AUDIENCE = "mdcoop";

    private static final Map<Party, PrivateKey> KEYS = new EnumMap<>(Party.class);

    private TestTokens() {
    }

    /** A token of the party's identity provider for user {@code <party>-<role>} holding the given roles. */
    public static String of(Party party, String... roles) {
        String user = party.name().toLowerCase() + "-" + (roles.length == 0 ? "nobody" : roles[0]);
        return claims(party, user, roles).sign(key(party));
    }

    public static String nato(String... roles) {
        return of(Party.NATO, roles);
    }

    public static String russia(String... roles) {
        return of(Party.RUSSIA, roles);
    }

    /** Claims as the party's identity provider would issue them, for tests that need to alter one. */
    public static JwtClaimsBuilder claims(Party party, String username, String... roles) {
        Instant now = Instant.now();
        return Jwt.issuer(issuer(party))
                .subject(UUID.nameUUIDFromBytes((party + "/" + username).getBytes(StandardCharsets.UTF_8)).toString())
                .audience(Set.of(AUDIENCE))
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(10)));
    }

    public static String issuer(Party party) {
        return party == Party.NATO ? NATO_ISSUER : RUSSIA_ISSUER;
    }

    /** The party's test public key as PEM text (what its OIDC tenant verifies with). */
    public static String publicKeyPem(Party party) {
        String resource = "/keys/" + party.name().toLowerCase() + "-test-public.pem";
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test key " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read test key " + resource, e);
        }
    }

    public static synchronized PrivateKey key(Party party) {
        return KEYS.computeIfAbsent(party, p -> {
            String resource = "/keys/" + p.name().toLowerCase() + "-test-private.pem";
            try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing test key " + resource);
                }
                return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot read test key " + resource, e);
            }
        });
    }
}
