package org.mdcoop.console.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.mdcoop.console.ConsoleConfig;

/**
 * CSRF tokens bound to one login session: HMAC-SHA256 over tenant and identity-provider session id. The SPA reads
 * its token from {@code GET /api/<party>/session} (a cross-site page cannot read that response) and sends it in
 * {@value #HEADER} on every state-changing call; nothing is stored on the server.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String HEADER = "X-CSRF-Token";

    private final SecretKeySpec key;

    public CsrfTokens(ConsoleConfig config) {
        if (config.csrfSecret().length() < 32) {
            throw new IllegalStateException("mdcoop.console.csrf-secret must have at least 32 characters");
        }
        this.key = new SecretKeySpec(config.csrfSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String tokenFor(String tenant, String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] tag = mac.doFinal((tenant + "|" + sessionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public boolean matches(String presented, String tenant, String sessionId) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        // constant time: the comparison must not tell how much of a guess was right
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                tokenFor(tenant, sessionId).getBytes(StandardCharsets.UTF_8));
    }
}
