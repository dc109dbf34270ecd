package org.mdcoop.agreement.audit;

import java.util.List;

/**
 * Writes the export document of {@code GET /api/audit/export} (no JSON library needed, so the shape is exact):
 * <pre>
 * {"format":"mdcoop-audit-v1","entries":[{"seq":1,"at":"2026-11-26T08:45:00.123456Z","party":"NATO",
 *   "subject":"http://localhost:8180/realms/nato|f3c…","action":"agreement.proposed",
 *   "agreementId":"…uuid…"|null,"payloadDigest":"…","prevHash":"000…","hash":"…"}, …]}
 * </pre>
 * {@code at} is always the canonical six-digit form ({@link AuditChain#formatAt}); {@code party} and
 * {@code agreementId} are JSON {@code null} when absent. One entry per line for readable diffs.
 */
public final class AuditExportJson {

    private AuditExportJson() {
    }

    public static String write(List<AuditEntry> entries) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"format\":\"").append(AuditChain.FORMAT).append("\",\"entries\":[");
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry e = entries.get(i);
            sb.append(i == 0 ? "\n" : ",\n");
            sb.append("{\"seq\":").append(e.seq());
            sb.append(",\"at\":");
            PayloadDigest.writeString(sb, AuditChain.formatAt(e.at()));
            sb.append(",\"party\":");
            if (e.party() == null) {
                sb.append("null");
            } else {
                PayloadDigest.writeString(sb, e.party().name());
            }
            sb.append(",\"subject\":");
            PayloadDigest.writeString(sb, e.subject());
            sb.append(",\"action\":");
            PayloadDigest.writeString(sb, e.action());
            sb.append(",\"agreementId\":");
            if (e.agreementId() == null) {
                sb.append("null");
            } else {
                PayloadDigest.writeString(sb, e.agreementId().toString());
            }
            sb.append(",\"payloadDigest\":");
            PayloadDigest.writeString(sb, e.payloadDigest());
            sb.append(",\"prevHash\":");
            PayloadDigest.writeString(sb, e.prevHash());
            sb.append(",\"hash\":");
            PayloadDigest.writeString(sb, e.hash());
            sb.append('}');
        }
        sb.append(entries.isEmpty() ? "]}\n" : "\n]}\n");
        return sb.toString();
    }
}
