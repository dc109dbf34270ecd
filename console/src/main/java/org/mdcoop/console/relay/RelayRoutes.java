package org.mdcoop.console.relay;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the console relays, and nothing else: each service's operations that the console's screens use. A path not
 * listed here never reaches a service through the console (404), so for instance the dev-only clock control or raw
 * sensor reports stay out of the browser's reach even if a screen's code is changed. The allow-list is code, not
 * configuration, so widening it is a reviewed change. Paths are service paths without the {@code /api} prefix.
 */
public final class RelayRoutes {

    private static final String ID = "[0-9a-fA-F-]{36}";
    private static final String NAME = "[A-Za-z0-9._-]{1,128}";

    record Route(String service, String method, Pattern path) {
        boolean matches(String service, String method, String path) {
            return (this.service.equals("*") || this.service.equals(service)) && this.method.equals(method) && this.path.matcher(path).matches();
        }
    }

    private static final List<Route> ROUTES = List.of(
            // every service: identity and its view of the agreement
            any("GET", "me"),
            any("GET", "cooperation"),
            // agreement-service: reading
            route("agreement", "GET", "agreements"),
            route("agreement", "GET", "agreements/status"),
            route("agreement", "GET", "agreements/" + ID),
            route("agreement", "GET", "agreements/" + ID + "/amendments(/" + ID + ")?"),
            route("agreement", "GET", "audit(/head|/verify|/export)?"),
            // agreement-service: the liaison's commands (the service decides who may)
            route("agreement", "POST", "agreements"),
            route("agreement", "PUT", "agreements/" + ID),
            route("agreement", "POST", "agreements/" + ID + "/(submit|accept|reject|retract|withdraw)"),
            route("agreement", "POST", "agreements/" + ID + "/elements/[A-Za-z_]{1,40}/stop"),
            route("agreement", "PUT", "agreements/" + ID + "/(extension-consent|permanence-consent|reservation)"),
            route("agreement", "DELETE", "agreements/" + ID + "/(extension-consent|permanence-consent)"),
            route("agreement", "POST", "agreements/" + ID + "/amendments"),
            route("agreement", "POST", "agreements/" + ID + "/amendments/" + ID + "/(endorse|reject)"),
            // transparency-service: disclosures and interceptor tests (the service applies reciprocity and roles)
            route("transparency", "GET", "disclosures(/" + ID + ")?"),
            route("transparency", "GET", "tests(/" + ID + "(/comparison)?)?"),
            route("transparency", "GET", "compliance"),
            route("transparency", "POST", "disclosures"),
            route("transparency", "PUT", "disclosures/" + ID),
            route("transparency", "DELETE", "disclosures/" + ID),
            route("transparency", "POST", "disclosures/" + ID + "/(submit|revisions)"),
            route("transparency", "POST", "tests"),
            route("transparency", "POST", "tests/" + ID + "/(accept|decline|cancel|results|observations)"),
            // transparency-service: the reachability assessment (a computation; POST as the service has it)
            route("transparency", "GET", "assessments/reference-trajectories"),
            route("transparency", "POST", "assessments"),
            // exercise-service: the programme, approvals, runs and the after-action report
            route("exercise", "GET", "exercises(/" + ID + "(/report)?)?"),
            route("exercise", "POST", "exercises"),
            route("exercise", "POST", "exercises/" + ID + "/(approve|start|complete|cancel)"),
            route("exercise", "POST", "exercises/" + ID + "/report/(compute|approve)"),
            // fusion-service: the picture (its live stream has its own endpoint) and the sensor list
            route("fusion", "GET", "picture"),
            route("fusion", "GET", "tracks/" + NAME),
            route("fusion", "GET", "sensors(/" + NAME + ")?"));

    private static final List<String> SERVICES = List.of("agreement", "transparency", "exercise", "fusion");

    private RelayRoutes() {
    }

    private static Route route(String service, String method, String regex) {
        return new Route(service, method, Pattern.compile(regex));
    }

    private static Route any(String method, String regex) {
        return new Route("*", method, Pattern.compile(regex));
    }

    /** Whether {@code method path} of {@code service} may be relayed. */
    public static boolean allowed(String service, String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        return SERVICES.contains(service) && ROUTES.stream().anyMatch(r -> r.matches(service, m, path));
    }
}
