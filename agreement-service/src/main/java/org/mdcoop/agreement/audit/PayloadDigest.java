package org.mdcoop.agreement.audit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The {@code payloadDigest} of an audit entry: lower-case hex SHA-256 of the UTF-8 bytes of the <em>canonical JSON</em>
 * of the command payload.
 *
 * <p>Canonical JSON (a subset of RFC 8785 / JCS): no whitespace; object members sorted by key (UTF-16 code units,
 * i.e. {@link String#compareTo}); strings escaped with {@code \"}, {@code \\}, {@code \b \f \n \r \t} and
 * {@code \}{@code u00xx} (lower-case hex) for other control characters below U+0020, everything else literal;
 * integers in plain decimal; {@code true}/{@code false}/{@code null}. Java values map as: {@link Map} (String keys) →
 * object, {@link Collection}/array → array (order kept), {@link CharSequence} → string, {@link Enum} → its name,
 * {@link UUID} → lower-case string, {@link Instant} → {@link AuditChain#formatAt} (microseconds, Z),
 * {@code Integer/Long/Short/Byte/BigInteger} → number, {@link Boolean}, {@code null}. Non-integer numbers are refused
 * (pass them as strings): their text form is not portable.
 */
public final class PayloadDigest {

    private PayloadDigest() {
    }

    /** SHA-256 hex of the canonical JSON of {@code payload} (null → the digest of {@code null}). */
    public static String of(Object payload) {
        return sha256Hex(canonicalJson(payload));
    }

    /** Digest of an empty object {@code {}}, for commands without a body. */
    public static String empty() {
        return of(Map.of());
    }

    public static String canonicalJson(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys must be strings: " + e.getKey());
                }
                sorted.put(key, e.getValue());
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                writeString(sb, e.getKey());
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            writeArray(sb, c.toArray());
        } else if (v instanceof Object[] arr) {
            writeArray(sb, arr);
        } else if (v instanceof CharSequence s) {
            writeString(sb, s.toString());
        } else if (v instanceof Enum<?> e) {
            writeString(sb, e.name());
        } else if (v instanceof UUID u) {
            writeString(sb, u.toString());
        } else if (v instanceof Instant i) {
            writeString(sb, AuditChain.formatAt(i));
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            sb.append(v);
        } else {
            throw new IllegalArgumentException("unsupported payload value type " + v.getClass().getName()
                    + " (pass non-integer numbers and other values as strings)");
        }
    }

    private static void writeArray(StringBuilder sb, Object[] items) {
        sb.append('[');
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            write(sb, items[i]);
        }
        sb.append(']');
    }

    /** Writes {@code s} as a JSON string literal with the canonical escaping described in the class comment. */
    static void writeString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
