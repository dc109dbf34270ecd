package org.mdcoop.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoint × method × role matrix as written in docs/security.md and the per-service files it links, read from
 * the markdown tables themselves, so the documentation is what the system test checks.
 *
 * <p>A table takes part when its header has a {@code method} and an {@code endpoint} column; every other column whose
 * header names roles (L, A, Au, T, E, F, GW) holds that role's outcome. A role passes the role gate for an endpoint
 * when any of its cells allows something (✅, a 404/409, "same as …"); it is refused when all its cells start with
 * 🔒. Which service a table belongs to comes from the heading above it (a service name, or "Every service"); a
 * heading naming the console starts a section that belongs to no service.
 */
final class SecurityMatrix {

    enum Role {
        L("liaison"), A("analyst"), Au("auditor"), T("transparency-officer"), E("exercise-planner"),
        F("fusion-operator"), GW(null);

        final String userSuffix;

        Role(String userSuffix) {
            this.userSuffix = userSuffix;
        }
    }

    /** One documented endpoint of one service, and the roles that pass its role gate. */
    record Row(String service, String method, String path, Set<Role> allowed, String source) {

        /** The path with every parameter written as {@code {}}, to compare with the OpenAPI document. */
        String template() {
            return normalise(path);
        }
    }

    static final List<String> SERVICES = List.of("agreement", "transparency", "exercise", "fusion");
    private static final Pattern LINK = Pattern.compile("\\]\\((security/[a-z-]+\\.md)\\)");
    private static final Pattern FIRST_CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern PARAM = Pattern.compile("\\{[^}]*}");

    private SecurityMatrix() {
    }

    static String normalise(String path) {
        return PARAM.matcher(path).replaceAll("{}");
    }

    /** Reads docs/security.md and every per-service file it links to. */
    static List<Row> read(Path docs) {
        Path main = docs.resolve("security.md");
        String text = readString(main);
        List<Row> rows = new ArrayList<>(parse(text, main.getFileName().toString()));
        Matcher links = LINK.matcher(text);
        List<String> linked = new ArrayList<>();
        while (links.find()) {
            if (!linked.contains(links.group(1))) {
                linked.add(links.group(1));
            }
        }
        for (String file : linked) {
            rows.addAll(parse(readString(docs.resolve(file)), file));
        }
        return rows;
    }

    static List<Row> parse(String markdown, String source) {
        List<Row> rows = new ArrayList<>();
        List<String> services = List.of();
        List<String> header = null;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("#")) {
                services = servicesNamedIn(line, services);
                header = null;
                continue;
            }
            if (!line.startsWith("|")) {
                header = null;
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.stream().allMatch(c -> c.matches("-+"))) {
                continue;
            }
            int methodColumn = header.indexOf("method");
            int endpointColumn = header.indexOf("endpoint");
            if (methodColumn < 0 || endpointColumn < 0 || services.isEmpty()) {
                continue;
            }
            Matcher code = FIRST_CODE.matcher(cells.get(endpointColumn));
            if (!code.find()) {
                continue;
            }
            String path = code.group(1).split("\\?")[0];
            Set<Role> allowed = allowedRoles(header, cells);
            String where = source + ": " + cells.get(methodColumn) + " " + path;
            for (String service : services) {
                rows.add(new Row(service, cells.get(methodColumn).toUpperCase(Locale.ROOT), path, allowed, where));
            }
        }
        return rows;
    }

    private static List<String> servicesNamedIn(String heading, List<String> current) {
        String lower = heading.toLowerCase(Locale.ROOT);
        if (lower.contains("console")) {
            // the staff console's own endpoints: not a service's, checked by the Console*SystemTest browser tests
            return List.of();
        }
        if (lower.contains("every service")) {
            return SERVICES;
        }
        List<String> named = SERVICES.stream().filter(s -> lower.contains(s + "-service")).toList();
        if (named.isEmpty()) {
            return current; // a sub-heading without a service name stays in its section
        }
        // a heading naming one service starts its section; one naming several only points elsewhere
        return named.size() == 1 ? named : List.of();
    }

    private static Set<Role> allowedRoles(List<String> header, List<String> cells) {
        Set<Role> mentioned = EnumSet.noneOf(Role.class);
        Set<Role> allowed = EnumSet.noneOf(Role.class);
        for (int column = 0; column < header.size() && column < cells.size(); column++) {
            Set<Role> roles = rolesNamedIn(header.get(column));
            String cell = cells.get(column).trim();
            if (roles.isEmpty() || cell.equals("—") || cell.isEmpty()) {
                continue;
            }
            mentioned.addAll(roles);
            if (!cell.startsWith("🔒")) {
                allowed.addAll(roles);
            }
        }
        // the sensor gateway holds fusion-operator: where a table does not name it, it has F's rights
        if (!mentioned.contains(Role.GW) && allowed.contains(Role.F)) {
            allowed.add(Role.GW);
        }
        return allowed;
    }

    private static Set<Role> rolesNamedIn(String header) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String token : header.split("[^A-Za-z]+")) {
            Arrays.stream(Role.values()).filter(r -> r.name().equals(token)).forEach(roles::add);
        }
        return roles;
    }

    private static List<String> cells(String line) {
        String inner = line.trim();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }

    /** The documented operations of one service, keyed by "METHOD template", for the completeness check. */
    static Map<String, Row> operationsOf(List<Row> rows, String service) {
        Map<String, Row> operations = new LinkedHashMap<>();
        rows.stream().filter(r -> r.service().equals(service))
                .forEach(r -> operations.putIfAbsent(r.method() + " " + r.template(), r));
        return operations;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
