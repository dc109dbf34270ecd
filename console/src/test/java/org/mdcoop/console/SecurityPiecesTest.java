package org.mdcoop.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mdcoop.console.security.CsrfTokens;
import org.mdcoop.console.security.Party;
import org.mdcoop.console.security.TenantParty;

class SecurityPiecesTest {

    private static ConsoleConfig config(String secret) {
        return new ConsoleConfig() {
            @Override
            public Map<String, Service> services() {
                return Map.of();
            }

            @Override
            public String csrfSecret() {
                return secret;
            }
        };
    }

    @Test
    void aCsrfTokenHoldsOnlyForItsTenantAndLoginSession() {
        CsrfTokens tokens = new CsrfTokens(config("a-test-key-of-more-than-32-characters!"));
        String token = tokens.tokenFor("nato", "session-1");
        assertThat(tokens.matches(token, "nato", "session-1")).isTrue();
        assertThat(tokens.matches(token, "russia", "session-1")).isFalse();
        assertThat(tokens.matches(token, "nato", "session-2")).isFalse();
        assertThat(tokens.matches(null, "nato", "session-1")).isFalse();
        assertThat(tokens.matches("", "nato", "session-1")).isFalse();
        assertThat(new CsrfTokens(config("another-key-of-more-than-32-characters")).matches(token, "nato", "session-1"))
                .isFalse();
    }

    @Test
    void aShortCsrfKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> new CsrfTokens(config("short"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theTenantComesFromThePathsFirstSegmentOnly() {
        assertThat(TenantParty.tenantOfPath("/nato/")).contains("nato");
        assertThat(TenantParty.tenantOfPath("/nato")).contains("nato");
        assertThat(TenantParty.tenantOfPath("/api/russia/fusion/picture")).contains("russia");
        assertThat(TenantParty.tenantOfPath("/natoish/")).isEmpty();
        assertThat(TenantParty.tenantOfPath("/api/natoish/session")).isEmpty();
        assertThat(TenantParty.tenantOfPath("/assets/nato/x.js")).isEmpty();
        assertThat(TenantParty.tenantOfPath("/")).isEmpty();
        assertThat(TenantParty.partyOfTenant("russia")).isEqualTo(Optional.of(Party.RUSSIA));
        assertThat(TenantParty.partyOfTenant("Default")).isEmpty();
    }
}
