package org.mdcoop.k8scheck;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset of kustomize that deploy/k8s uses
 * and no more (a kustomization using anything else is refused, so the subset cannot drift silently):
 * <ul>
 * <li>{@code resources}: YAML files (several documents each) and directories holding a kustomization.yaml;</li>
 * <li>{@code patches}: strategic-merge patches from a file ({@code path}), applied to the resource of the patch's
 * kind and name, or with {@code target} (kind and/or name) to every matching resource. Merge semantics: maps merge
 * key by key, a null value removes the key, lists of maps with a {@code name} (containers, env, volumes, ports...)
 * merge by name in built-in kinds, every other list is replaced (as kustomize does for custom resources);</li>
 * <li>{@code namespace} (set on every resource: deploy/k8s has no cluster-scoped ones), {@code labels} with
 * {@code pairs} only (metadata labels, no selectors or templates), {@code replicas} (Deployments),
 * {@code images} ({@code name}, {@code newName}, {@code newTag} on containers).</li>
 * </ul>
 * Transformers run in kustomize's order: patches, namespace, labels, replicas, images.
 */
final class Kustomize {

    static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "patches", "namespace",
            "labels", "replicas", "images");

    private Kustomize() {
    }

    /** The resources the kustomization in {@code dir} renders to, in input order. */
    static List<Map<String, Object>> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + dir);
        }
        Map<String, Object> k = readDocuments(file).get(0);
        for (String key : k.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalArgumentException(file + ": '" + key + "' is outside the kustomize subset "
                        + SUPPORTED + " that k8s-check renders (docs/kubernetes.md)");
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String r : strings(k.get("resources"))) {
            Path p = dir.resolve(r).normalize();
            if (Files.isDirectory(p)) {
                out.addAll(render(p));
            } else {
                out.addAll(readDocuments(p));
            }
        }
        for (Map<String, Object> patch : maps(k.get("patches"))) {
            applyPatch(dir, patch, out);
        }
        if (k.get("namespace") != null) {
            for (Map<String, Object> r : out) {
                map(r, "metadata").put("namespace", k.get("namespace"));
            }
        }
        for (Map<String, Object> l : maps(k.get("labels"))) {
            for (String key : l.keySet()) {
                if (!key.equals("pairs")) {
                    throw new IllegalArgumentException(file + ": labels." + key + " is outside the subset");
                }
            }
            for (Map<String, Object> r : out) {
                map(map(r, "metadata"), "labels").putAll(asMap(l.get("pairs")));
            }
        }
        for (Map<String, Object> rep : maps(k.get("replicas"))) {
            boolean found = false;
            for (Map<String, Object> r : out) {
                if ("Deployment".equals(r.get("kind")) && rep.get("name").equals(name(r))) {
                    map(r, "spec").put("replicas", rep.get("count"));
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException(file + ": replicas for unknown Deployment " + rep.get("name"));
            }
        }
        for (Map<String, Object> img : maps(k.get("images"))) {
            for (Map<String, Object> r : out) {
                for (Map<String, Object> c : containers(r)) {
                    setImage(c, img);
                }
            }
        }
        return out;
    }

    static List<Map<String, Object>> readDocuments(Path file) {
        try (MappingIterator<Map<String, Object>> it = YAML.readerFor(new TypeReference<Map<String, Object>>() {
        }).readValues(Files.readString(file))) {
            List<Map<String, Object>> docs = new ArrayList<>();
            while (it.hasNext()) {
                Map<String, Object> doc = it.next();
                if (doc != null && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static void applyPatch(Path dir, Map<String, Object> spec, List<Map<String, Object>> resources) {
        for (String key : spec.keySet()) {
            if (!key.equals("path") && !key.equals("target")) {
                throw new IllegalArgumentException(dir + ": patches." + key + " is outside the subset (path, target)");
            }
        }
        List<Map<String, Object>> docs = readDocuments(dir.resolve((String) spec.get("path")));
        if (docs.size() != 1) {
            throw new IllegalArgumentException(spec.get("path") + ": one strategic-merge patch per file");
        }
        Map<String, Object> patch = docs.get(0);
        Map<String, Object> target = asMap(spec.get("target"));
        String kind = target.isEmpty() ? (String) patch.get("kind") : (String) target.get("kind");
        String name = target.isEmpty() ? name(patch) : (String) target.get("name");
        int applied = 0;
        for (Map<String, Object> r : resources) {
            if ((kind == null || kind.equals(r.get("kind"))) && (name == null || name.equals(name(r)))) {
                Map<String, Object> body = new LinkedHashMap<>(patch);
                body.remove("apiVersion");
                body.remove("kind");
                Map<String, Object> meta = new LinkedHashMap<>(asMap(body.remove("metadata")));
                meta.remove("name");
                if (!meta.isEmpty()) {
                    body.put("metadata", meta);
                }
                merge(r, body, builtIn(r));
                applied++;
            }
        }
        if (applied == 0) {
            throw new IllegalArgumentException(spec.get("path") + ": the patch matches no resource");
        }
    }

    private static boolean builtIn(Map<String, Object> r) {
        String api = String.valueOf(r.get("apiVersion"));
        return !api.contains("/") || api.startsWith("apps/") || api.startsWith("batch/") || api.startsWith("policy/")
                || api.startsWith("autoscaling/") || api.startsWith("networking.k8s.io/");
    }

    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> into, Map<String, Object> patch, boolean mergeNamedLists) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            Object have = into.get(e.getKey());
            Object want = e.getValue();
            if (want == null) {
                into.remove(e.getKey());
            } else if (have instanceof Map && want instanceof Map) {
                merge((Map<String, Object>) have, (Map<String, Object>) want, mergeNamedLists);
            } else if (mergeNamedLists && have instanceof List && want instanceof List && named((List<?>) have)
                    && named((List<?>) want)) {
                List<Object> merged = new ArrayList<>((List<Object>) have);
                for (Object w : (List<?>) want) {
                    Map<String, Object> wm = (Map<String, Object>) w;
                    Map<String, Object> match = null;
                    for (Object h : merged) {
                        if (Objects.equals(((Map<?, ?>) h).get("name"), wm.get("name"))) {
                            match = (Map<String, Object>) h;
                        }
                    }
                    if (match == null) {
                        merged.add(deepCopy(wm));
                    } else {
                        merge(match, wm, true);
                    }
                }
                into.put(e.getKey(), merged);
            } else {
                into.put(e.getKey(), deepCopy(want));
            }
        }
    }

    private static boolean named(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(o -> o instanceof Map && ((Map<?, ?>) o).get("name") != null);
    }

    private static void setImage(Map<String, Object> container, Map<String, Object> img) {
        String image = (String) container.get("image");
        if (image == null) {
            return;
        }
        int at = image.indexOf('@');
        int colon = image.lastIndexOf(':');
        String base = at >= 0 ? image.substring(0, at)
                : colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
        String suffix = image.substring(base.length());
        if (!base.equals(img.get("name"))) {
            return;
        }
        String newBase = img.get("newName") != null ? (String) img.get("newName") : base;
        String newSuffix = img.get("newTag") != null ? ":" + img.get("newTag") : suffix;
        container.put("image", newBase + newSuffix);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> containers(Map<String, Object> r) {
        Object spec = r.get("spec");
        if (!(spec instanceof Map) || !(((Map<String, Object>) spec).get("template") instanceof Map)) {
            return List.of();
        }
        Map<String, Object> podSpec = asMap(asMap(((Map<String, Object>) spec).get("template")).get("spec"));
        List<Map<String, Object>> all = new ArrayList<>(maps(podSpec.get("containers")));
        all.addAll(maps(podSpec.get("initContainers")));
        return all;
    }

    static String name(Map<String, Object> r) {
        return (String) asMap(r.get("metadata")).get("name");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, x -> new LinkedHashMap<String, Object>());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object o) {
        return o instanceof List ? (List<Map<String, Object>>) o : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object o) {
        return o instanceof List ? (List<String>) o : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object o) {
        if (o instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) o).forEach((k, v) -> copy.put(k, deepCopy(v)));
            return copy;
        }
        if (o instanceof List) {
            List<Object> copy = new ArrayList<>();
            ((List<Object>) o).forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return o;
    }
}
