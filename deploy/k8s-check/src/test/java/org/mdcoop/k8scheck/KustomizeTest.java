package org.mdcoop.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The renderer's subset of kustomize behaves as kustomize does (checked against kubectl where it is installed). */
class KustomizeTest {

    @TempDir
    Path dir;

    private void write(String file, String text) throws Exception {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), text);
    }

    @Test
    void overlayPatchesMergeContainersByNameAndSetReplicasImagesNamespaceLabels() throws Exception {
        write("base/kustomization.yaml", "resources: [d.yaml]\n");
        write("base/d.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: a}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: a
                          image: reg/a:1
                          env: [{name: X, value: "1"}]
                        - name: b
                          image: reg/b:1
                """);
        write("o/kustomization.yaml", """
                namespace: ns
                labels: [{pairs: {team: x}}]
                resources: [../base]
                replicas: [{name: a, count: 3}]
                images: [{name: reg/a, newTag: "2"}]
                patches: [{path: p.yaml}]
                """);
        write("o/p.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: a}
                spec:
                  template:
                    spec:
                      containers:
                        - name: a
                          env: [{name: Y, value: "2"}]
                """);
        Map<String, Object> d = Kustomize.render(dir.resolve("o")).get(0);
        assertThat(Overlay.<String>path(d, "metadata", "namespace")).isEqualTo("ns");
        assertThat(Overlay.<Map<String, Object>>path(d, "metadata", "labels")).containsEntry("team", "x");
        assertThat(Overlay.<Integer>path(d, "spec", "replicas")).isEqualTo(3);
        List<Map<String, Object>> containers = Kustomize.containers(d);
        assertThat(containers).extracting(c -> c.get("image")).containsExactly("reg/a:2", "reg/b:1");
        assertThat(Kustomize.maps(containers.get(0).get("env"))).extracting(e -> e.get("name"))
                .containsExactly("X", "Y");
    }

    @Test
    void targetedPatchesApplyToEveryMatchAndCustomResourceListsAreReplaced() throws Exception {
        write("kustomization.yaml", "resources: [t.yaml]\npatches: [{path: p.yaml, target: {kind: T}}]\n");
        write("t.yaml", """
                apiVersion: x.io/v1
                kind: T
                metadata: {name: one}
                spec: {n: 3, items: [{name: a}, {name: b}], keep: true}
                ---
                apiVersion: x.io/v1
                kind: T
                metadata: {name: two}
                spec: {n: 3}
                """);
        write("p.yaml", "apiVersion: x.io/v1\nkind: T\nmetadata: {name: any}\nspec: {n: 1, items: [{name: c}]}\n");
        List<Map<String, Object>> out = Kustomize.render(dir);
        assertThat(out).allSatisfy(r -> assertThat(Overlay.<Integer>path(r, "spec", "n")).isEqualTo(1));
        assertThat(Kustomize.maps(Overlay.path(out.get(0), "spec", "items"))).extracting(i -> i.get("name"))
                .containsExactly("c");
        assertThat(Overlay.<Boolean>path(out.get(0), "spec", "keep")).isTrue();
    }

    @Test
    void anythingOutsideTheSubsetIsRefused() throws Exception {
        write("kustomization.yaml", "resources: []\nconfigMapGenerator: [{name: x}]\n");
        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("outside the kustomize subset");
        write("kustomization.yaml", "resources: []\npatches: [{patch: 'x'}]\n");
        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("outside the subset");
    }

    @Test
    void aPatchThatMatchesNothingIsAnError() throws Exception {
        write("kustomization.yaml", "resources: []\npatches: [{path: p.yaml}]\n");
        write("p.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: nope}\ndata: {a: b}\n");
        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("matches no resource");
    }
}
