package org.mdcoop.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Every overlay renders, every rendered resource parses, and (where kubectl is installed) kubectl agrees. */
class RenderTest {

    static final List<String> OVERLAYS = Overlay.NAMES;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyResourceIsNamedOnceInTheNamespace(String name) {
        Overlay o = Overlay.of(name);
        assertThat(o.raw).hasSizeGreaterThan(50);
        Set<String> seen = new HashSet<>();
        for (HasMetadata r : o.resources) {
            String id = r.getApiVersion() + " " + r.getKind() + " " + r.getMetadata().getName();
            assertThat(r.getApiVersion()).as(id).isNotBlank();
            assertThat(r.getKind()).as(id).isNotBlank();
            assertThat(r.getMetadata().getName()).as(id).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            assertThat(r.getMetadata().getNamespace()).as(id).isEqualTo("mdcoop");
            assertThat(r.getMetadata().getLabels()).as(id).containsEntry("app.kubernetes.io/part-of", "mdcoop");
            assertThat(seen.add(r.getKind() + "/" + r.getMetadata().getName())).as("twice: " + id).isTrue();
        }
    }

    /** A misspelt field of a built-in kind lands in the model's additionalProperties: there must be none. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void builtInKindsHaveOnlyKnownFields(String name) throws Exception {
        Overlay o = Overlay.of(name);
        List<String> unknown = new ArrayList<>();
        for (HasMetadata r : o.resources) {
            if (!(r instanceof io.fabric8.kubernetes.api.model.GenericKubernetesResource)) {
                walk(r, r.getKind() + "/" + r.getMetadata().getName(), unknown);
            }
        }
        assertThat(unknown).isEmpty();
    }

    private static void walk(Object o, String where, List<String> unknown) throws Exception {
        if (o == null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                walk(e, where + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                walk(e.getValue(), where + "." + e.getKey(), unknown);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object v = m.invoke(o);
            if (m.getName().equals("getAdditionalProperties")) {
                if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(where + ": " + extra.keySet());
                }
            } else {
                walk(v, where + "." + m.getName().substring(3), unknown);
            }
        }
    }

    /**
     * The renderer of this module agrees with kubectl's kustomize (kubectl is on the build machines, and
     * deploy/local/stack checks for it before the tests): without a kubectl that renders the overlays this fails,
     * it does not skip.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kubectlRendersTheSame(String name) throws Exception {
        assertThat(onPath("kubectl")).as("kubectl on the PATH (docs/kubernetes.md, Checks without a cluster)").isTrue();
        java.nio.file.Path err = java.nio.file.Files.createTempFile("kubectl-" + name, ".err");
        Process p = new ProcessBuilder("kubectl", "kustomize", Overlay.dir(name).toString())
                .redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("kubectl kustomize %s: %s", name, java.nio.file.Files.readString(err))
                .isZero();
        java.nio.file.Files.delete(err);
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("kubectl-" + name, ".yaml");
        java.nio.file.Files.writeString(tmp, out);
        assertThat(byId(Kustomize.readDocuments(tmp))).isEqualTo(byId(Overlay.of(name).raw));
        java.nio.file.Files.delete(tmp);
    }

    private static Map<String, Object> byId(List<Map<String, Object>> resources) {
        Map<String, Object> m = new TreeMap<>();
        for (Map<String, Object> r : resources) {
            // numbers and booleans compare by their JSON form (kubectl may write 1 where the source had "1"? no: same)
            m.put(r.get("kind") + "/" + Kustomize.name(r), Overlay.JSON.convertValue(r, Object.class));
        }
        return m;
    }

    private static boolean onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, exe).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
