# shellcheck shell=bash
# What the k8s-check module's tests (step 1 of `stack test`) need besides Maven: promtool (Debian package prometheus)
# for the alert rules' unit tests, a kubectl whose kustomize renders the overlays (compared with the module's own
# renderer), and a JDK 21+ for io.strimzi:api (deploy/k8s-check/pom.xml, property k8s-check.jdk). The tests fail
# without them; this fails earlier, with the fix in the message.

K8S_CHECK_JDK="${K8S_CHECK_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"

ensure_k8s_check_tools() {
  local log="$LOGS/prometheus-install.log"
  step k8s-check "ensure promtool, kubectl and a JDK 21+ for the k8s-check module"
  if ! need_cmd promtool; then
    info "promtool is not installed: apt-get install -y prometheus (log: $log)"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus; } \
      >"$log" 2>&1 9>&- || fail "installing prometheus (promtool) with apt-get failed" "$log"
  fi
  need_cmd kubectl || fail "kubectl not found: k8s-check compares its renderer with 'kubectl kustomize' (kubectl 1.27+; Debian's kubernetes-client 1.20 is too old)"
  [[ -x "$K8S_CHECK_JDK/bin/javac" ]] \
    || fail "no JDK at $K8S_CHECK_JDK: k8s-check needs JDK 21+ for io.strimzi:api (set K8S_CHECK_JDK)"
  ok "$(promtool --version 2>&1 | head -1); kubectl $(kubectl version --client 2>/dev/null | sed -n 's/^Client Version: //p'); JDK $K8S_CHECK_JDK"
}
