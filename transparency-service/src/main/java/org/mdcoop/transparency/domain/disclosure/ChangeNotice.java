package org.mdcoop.transparency.domain.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions of one disclosure, field by field.
 *
 * <p>List items are matched by their natural key, never by position: inventory components by {@code designation},
 * interceptors by {@code interceptorType}, plan phases by {@code name} and a phase's sites by {@code designation}.
 * Paths name the item by key, e.g. {@code components[designation=Site A].count} or
 * {@code phases[name=Phase 2].sites[designation=Site B].lat}. An added item has {@code before = null}, a removed
 * item {@code after = null}, and the whole item rendered as text on the other side. Values are rendered as strings
 * (numbers in plain form, dates ISO-8601, enums by name) so the notice stores as simple JSON.
 */
public record ChangeNotice(int fromVersion, int toVersion, List<Change> changes) {

    public enum ChangeType {
        ADDED,
        REMOVED,
        CHANGED
    }

    public record Change(String path, ChangeType type, String before, String after) {
    }

    public ChangeNotice {
        changes = List.copyOf(changes);
    }

    /** True when nothing changed (not named isEmpty so JSON mappers do not see a property). */
    public boolean hasNoChanges() {
        return changes.isEmpty();
    }

    /** Computes the notice from {@code before} (version {@code fromVersion}) to {@code after}. Same kind required. */
    public static ChangeNotice between(int fromVersion, DisclosureContent before, int toVersion,
            DisclosureContent after) {
        if (before.kind() != after.kind()) {
            throw new IllegalArgumentException("cannot compare " + before.kind() + " with " + after.kind());
        }
        List<Change> out = new ArrayList<>();
        if (before instanceof InventoryContent b && after instanceof InventoryContent a) {
            diffList(out, "components", "designation", b.components(), a.components(),
                    InventoryContent.Component::designation, ChangeNotice::componentFields);
        } else if (before instanceof InterceptorPerformanceContent b
                && after instanceof InterceptorPerformanceContent a) {
            diffList(out, "interceptors", "interceptorType", b.interceptors(), a.interceptors(),
                    InterceptorPerformanceContent.Interceptor::interceptorType, ChangeNotice::interceptorFields);
        } else if (before instanceof DeploymentPlanContent b && after instanceof DeploymentPlanContent a) {
            diffPhases(out, b.phases(), a.phases());
        }
        return new ChangeNotice(fromVersion, toVersion, out);
    }

    private static Map<String, Object> componentFields(InventoryContent.Component c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", c.type());
        m.put("count", c.count());
        m.put("lat", c.lat());
        m.put("lon", c.lon());
        m.put("status", c.status());
        return m;
    }

    private static Map<String, Object> interceptorFields(InterceptorPerformanceContent.Interceptor i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxRangeKm", i.maxRangeKm());
        m.put("maxAltitudeKm", i.maxAltitudeKm());
        m.put("burnoutVelocityKmS", i.burnoutVelocityKmS());
        return m;
    }

    private static Map<String, Object> phaseFields(DeploymentPlanContent.Phase p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startDate", p.startDate());
        m.put("endDate", p.endDate());
        return m;
    }

    private static Map<String, Object> siteFields(DeploymentPlanContent.PlannedSite s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lat", s.lat());
        m.put("lon", s.lon());
        m.put("count", s.count());
        return m;
    }

    private static void diffPhases(List<Change> out, List<DeploymentPlanContent.Phase> before,
            List<DeploymentPlanContent.Phase> after) {
        Map<String, DeploymentPlanContent.Phase> b = byKey(before, DeploymentPlanContent.Phase::name);
        Map<String, DeploymentPlanContent.Phase> a = byKey(after, DeploymentPlanContent.Phase::name);
        for (var e : b.entrySet()) {
            String path = "phases[name=" + e.getKey() + "]";
            DeploymentPlanContent.Phase newer = a.get(e.getKey());
            if (newer == null) {
                out.add(new Change(path, ChangeType.REMOVED, describePhase(e.getValue()), null));
                continue;
            }
            diffFields(out, path, phaseFields(e.getValue()), phaseFields(newer));
            diffList(out, path + ".sites", "designation", e.getValue().sites(), newer.sites(),
                    DeploymentPlanContent.PlannedSite::designation, ChangeNotice::siteFields);
        }
        for (var e : a.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                out.add(new Change("phases[name=" + e.getKey() + "]", ChangeType.ADDED, null,
                        describePhase(e.getValue())));
            }
        }
    }

    private static String describePhase(DeploymentPlanContent.Phase p) {
        StringBuilder sb = new StringBuilder();
        sb.append(render(p.startDate())).append("..").append(render(p.endDate())).append(" sites=[");
        List<DeploymentPlanContent.PlannedSite> sites = p.sites() == null ? List.of() : p.sites();
        for (int i = 0; i < sites.size(); i++) {
            var s = sites.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(s.designation()).append(' ').append(describe(siteFields(s)));
        }
        return sb.append(']').toString();
    }

    private static <T> void diffList(List<Change> out, String listPath, String keyName, List<T> before, List<T> after,
            Function<T, String> key, Function<T, Map<String, Object>> fields) {
        Map<String, T> b = byKey(before, key);
        Map<String, T> a = byKey(after, key);
        for (var e : b.entrySet()) {
            String path = listPath + "[" + keyName + "=" + e.getKey() + "]";
            T newer = a.get(e.getKey());
            if (newer == null) {
                out.add(new Change(path, ChangeType.REMOVED, describe(fields.apply(e.getValue())), null));
            } else {
                diffFields(out, path, fields.apply(e.getValue()), fields.apply(newer));
            }
        }
        for (var e : a.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                out.add(new Change(listPath + "[" + keyName + "=" + e.getKey() + "]", ChangeType.ADDED, null,
                        describe(fields.apply(e.getValue()))));
            }
        }
    }

    private static void diffFields(List<Change> out, String path, Map<String, Object> before,
            Map<String, Object> after) {
        for (var e : before.entrySet()) {
            Object newer = after.get(e.getKey());
            if (!sameValue(e.getValue(), newer)) {
                out.add(new Change(path + "." + e.getKey(), ChangeType.CHANGED, render(e.getValue()), render(newer)));
            }
        }
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return Objects.equals(a, b);
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> m = new LinkedHashMap<>();
        if (items != null) {
            for (T t : items) {
                if (t != null && key.apply(t) != null) {
                    m.putIfAbsent(key.apply(t).trim(), t);
                }
            }
        }
        return m;
    }

    private static String describe(Map<String, Object> fields) {
        StringBuilder sb = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(render(v));
        });
        return sb.append('}').toString();
    }

    static String render(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        return v.toString();
    }
}
