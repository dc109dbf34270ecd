package org.mdcoop.k8scheck;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service needs from the platform, read from the repository as the service itself would in the
 * {@code prod} profile: common's META-INF/microprofile-config.properties overlaid with the service's
 * application.properties (a {@code %prod.} key wins over the plain key in any source, as in SmallRye Config), and
 * the topic constants of its sources.
 */
final class ServiceConfig {

    static final List<String> SERVICES = List.of("agreement", "transparency", "exercise", "fusion");
    private static final Pattern EXPR = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");
    private static final Pattern TOPIC_CONSTANT =
            Pattern.compile("static\\s+final\\s+String\\s+\\w*TOPIC\\w*\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern TOPIC_DEFAULT =
            Pattern.compile("@WithDefault\\(\"([^\"]+)\"\\)\\s*String\\s+\\w*[tT]opic\\s*\\(\\)");
    private static final Pattern CLASS_TOPIC_CONSTANT = Pattern.compile(
            "(?s)(?:class|record|interface)\\s+(\\w+).*?static\\s+final\\s+String\\s+TOPIC\\s*=\\s*\"([^\"]+)\"");

    final String service;
    private final Map<String, String> merged = new LinkedHashMap<>();
    /** topic -> consumer group, for every topic the service reads. */
    final Map<String, String> reads = new TreeMap<>();
    final Set<String> writes = new TreeSet<>();
    /** environment variables the prod profile reads without a default (the Deployment must set them). */
    final Set<String> requiredEnv = new TreeSet<>();
    final Set<String> optionalEnv = new TreeSet<>();

    private ServiceConfig(String service) {
        this.service = service;
    }

    static Path root() {
        return Path.of(System.getProperty("mdcoop.root", "../..")).toAbsolutePath().normalize();
    }

    static ServiceConfig load(String service) {
        Path root = root();
        ServiceConfig c = new ServiceConfig(service);
        c.merged.putAll(read(root.resolve("common/src/main/resources/META-INF/microprofile-config.properties")));
        c.merged.putAll(read(root.resolve(service + "-service/src/main/resources/application.properties")));
        c.collectEnv();
        c.collectChannels();
        c.collectSourceTopics(root);
        return c;
    }

    /** The console's configuration (it is not built on common, and has no topics). */
    static ServiceConfig console() {
        ServiceConfig c = new ServiceConfig("console");
        c.merged.putAll(read(root().resolve("console/src/main/resources/application.properties")));
        c.collectEnv();
        return c;
    }

    /** The value of {@code key} in the prod profile, expressions expanded (environment variables: their default). */
    String get(String key) {
        String raw = merged.containsKey("%prod." + key) ? merged.get("%prod." + key) : merged.get(key);
        return raw == null ? null : expand(raw, 0);
    }

    private String expand(String value, int depth) {
        if (depth > 10) {
            throw new IllegalStateException("expression too deep: " + value);
        }
        Matcher m = EXPR.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.matches("[A-Z][A-Z0-9_]*")) {
                replacement = m.group(2) != null ? m.group(2) : "<env " + name + ">";
            } else {
                String v = get(name);
                replacement = v != null ? v : m.group(2) != null ? expand(m.group(2), depth + 1) : "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void collectEnv() {
        for (Map.Entry<String, String> e : merged.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("%") && !key.startsWith("%prod.")) {
                continue;
            }
            if (!key.startsWith("%") && merged.containsKey("%prod." + key)) {
                continue;
            }
            Matcher m = EXPR.matcher(e.getValue());
            while (m.find()) {
                if (m.group(1).matches("[A-Z][A-Z0-9_]*")) {
                    (m.group(2) == null ? requiredEnv : optionalEnv).add(m.group(1));
                }
            }
        }
    }

    private void collectChannels() {
        Set<String> incoming = channels("mp.messaging.incoming.");
        for (String ch : incoming) {
            String p = "mp.messaging.incoming." + ch + ".";
            if ("false".equals(get(p + "enabled"))) {
                continue;
            }
            String topic = get(p + "topic") != null ? get(p + "topic") : ch;
            String group = get(p + "group.id");
            if (group == null) {
                throw new IllegalStateException(service + ": channel " + ch + " has no group.id");
            }
            reads.put(topic, group);
            if ("dead-letter-queue".equals(get(p + "failure-strategy"))) {
                String dlq = get(p + "dead-letter-queue.topic");
                writes.add(dlq != null ? dlq : "dead-letter-topic-" + ch);
            }
        }
        for (String ch : channels("mp.messaging.outgoing.")) {
            String p = "mp.messaging.outgoing." + ch + ".";
            if (!"false".equals(get(p + "enabled"))) {
                writes.add(get(p + "topic") != null ? get(p + "topic") : ch);
            }
        }
    }

    private Set<String> channels(String prefix) {
        Set<String> names = new TreeSet<>();
        for (String key : merged.keySet()) {
            String k = key.startsWith("%prod.") ? key.substring(6) : key;
            if (k.startsWith(prefix) && (!key.startsWith("%") || key.startsWith("%prod."))) {
                String rest = k.substring(prefix.length());
                names.add(rest.substring(0, rest.indexOf('.')));
            }
        }
        return names;
    }

    /**
     * Topics named in the service's own sources: constants {@code ...TOPIC... = "x"} and config-mapping defaults
     * ({@code @WithDefault("x") String ...Topic()}) are topics it writes; a reference to a common class's
     * {@code TOPIC} constant is a write unless the service reads that topic.
     */
    private void collectSourceTopics(Path root) {
        Map<String, String> commonTopics = new TreeMap<>();
        for (Path f : javaFiles(root.resolve("common/src/main/java"))) {
            Matcher m = CLASS_TOPIC_CONSTANT.matcher(readString(f));
            if (m.find()) {
                commonTopics.put(m.group(1), m.group(2));
            }
        }
        for (Path f : javaFiles(root.resolve(service + "-service/src/main/java"))) {
            String src = readString(f);
            Matcher m = TOPIC_CONSTANT.matcher(src);
            while (m.find()) {
                writes.add(m.group(1));
            }
            m = TOPIC_DEFAULT.matcher(src);
            while (m.find()) {
                writes.add(m.group(1));
            }
            for (Map.Entry<String, String> c : commonTopics.entrySet()) {
                if (src.contains(c.getKey() + ".TOPIC") && !reads.containsKey(c.getValue())) {
                    writes.add(c.getValue());
                }
            }
        }
    }

    Set<String> topics() {
        Set<String> all = new TreeSet<>(reads.keySet());
        all.addAll(writes);
        return all;
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readString(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(f.toString(), e);
        }
    }

    private static Map<String, String> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }
}
