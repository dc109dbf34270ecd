package org.mdcoop.agreement.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java chain and the offline Python verifier (tools/audit-verify/audit-verify.py) must agree: an export written by
 * {@link AuditExportJson} verifies untouched, and each tampering is reported at the right seq. Skipped when python3 is
 * not on the PATH or the script cannot be found.
 */
class AuditVerifierInteropTest {

    private static Path script;
    private static Path dir;

    record Run(int exit, String output) {
    }

    @BeforeAll
    static void locate() throws IOException {
        script = findScript();
        assumeTrue(script != null, "tools/audit-verify/audit-verify.py not found");
        assumeTrue(python3Available(), "python3 not on PATH");
        dir = Files.createDirectories(Path.of("target", "audit-export"));
    }

    private static Path findScript() {
        String configured = System.getProperty("audit.verify.script");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("tools/audit-verify/audit-verify.py");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean python3Available() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Run verify(String name, String json, String... extra) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, json, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), file.toString()));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("verifier finished").isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String exportOf(List<AuditEntry> entries) {
        return AuditExportJson.write(entries);
    }

    @Test
    void untouchedExportVerifiesOfflineWithTheSameHead() throws Exception {
        List<AuditEntry> entries = AuditChainTest.chain(7);
        Run run = verify("untouched.json", exportOf(entries));
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("OK: 7 entries verified; head seq 7 hash " + entries.get(6).hash());

        Run anchored = verify("untouched.json", exportOf(entries), "--expect-head", entries.get(6).hash());
        assertThat(anchored.exit()).as(anchored.output()).isZero();
    }

    @Test
    void exportWithOneEditedFieldFailsOfflineNamingThatSeq() throws Exception {
        String json = exportOf(AuditChainTest.chain(7));
        String edited = json.replace("\"action\":\"agreement.step-3\"", "\"action\":\"agreement.step-X\"");
        assertThat(edited).isNotEqualTo(json);
        Run run = verify("edited-action.json", edited);
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("BROKEN at seq 3: HASH_MISMATCH");
    }

    @Test
    void exportWithAnEditedTimestampFailsOfflineNamingThatSeq() throws Exception {
        List<AuditEntry> entries = AuditChainTest.chain(7);
        String at = AuditChain.formatAt(entries.get(5).at());
        String edited = exportOf(entries).replace(at, at.replace(".123456Z", ".123457Z"));
        Run run = verify("edited-at.json", edited);
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("BROKEN at seq 6: HASH_MISMATCH");
    }

    @Test
    void exportWithARemovedEntryFailsOfflineAsASeqGap() throws Exception {
        List<AuditEntry> entries = new ArrayList<>(AuditChainTest.chain(7));
        entries.remove(3);
        Run run = verify("removed.json", exportOf(entries));
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("BROKEN at seq 5: SEQ_GAP");
    }

    @Test
    void truncatedExportFailsOfflineAgainstTheExpectedHead() throws Exception {
        List<AuditEntry> entries = AuditChainTest.chain(7);
        Run run = verify("truncated.json", exportOf(entries.subList(0, 6)), "--expect-head", entries.get(6).hash());
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("HEAD_MISMATCH");
    }

    @Test
    void unreadableInputIsAUsageErrorNotAVerdict() throws Exception {
        Run run = verify("garbage.json", "{not json");
        assertThat(run.exit()).as(run.output()).isEqualTo(2);
    }
}
