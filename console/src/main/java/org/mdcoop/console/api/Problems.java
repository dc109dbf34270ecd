package org.mdcoop.console.api;

/** problem+json bodies of the console's own refusals, in the shape the services use. */
public final class Problems {

    public static final String TYPE = "application/problem+json";

    public record Problem(String type, String title, int status, String detail) {
    }

    private Problems() {
    }

    public static Problem of(int status, String code, String detail) {
        return new Problem("urn:mdcoop:problem:" + code, code.replace('-', ' '), status, detail);
    }
}
