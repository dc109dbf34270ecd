package org.mdcoop.console;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** The console's own settings ({@code mdcoop.console.*}). */
@ConfigMapping(prefix = "mdcoop.console")
public interface ConsoleConfig {

    /** Base URL of each service the console relays to, by the name used in {@code /api/<party>/<service>/...}. */
    Map<String, Service> services();

    /** Key of the per-session CSRF tokens (HMAC-SHA256); at least 32 characters. */
    @WithName("csrf-secret")
    String csrfSecret();

    interface Service {
        String url();
    }
}
