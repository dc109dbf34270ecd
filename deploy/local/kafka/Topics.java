import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Tiny topic tool of the local stack (the Kafka console tools are not in the broker's lib).
 * Compiled by deploy/local/stack with javac against the broker's jars.
 *
 * <pre>
 *   java -cp 'lib/*:tools' Topics ensure 127.0.0.1:9092 name:partitions[:key=value,key=value] ...
 *   java -cp 'lib/*:tools' Topics list   127.0.0.1:9092
 * </pre>
 * "ensure" is idempotent and convergent: creates missing topics (replication factor 1),
 * raises the partition count if lower than wanted, and sets the given topic configs.
 */
public class Topics {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Topics ensure|list <bootstrap> [name:partitions[:k=v,k=v]...]");
            System.exit(2);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "mdcoop-stack-topics");
        try (Admin admin = Admin.create(props)) {
            switch (args[0]) {
                case "ensure" -> ensure(admin, List.of(args).subList(2, args.length));
                case "list" -> list(admin);
                default -> {
                    System.err.println("unknown command " + args[0]);
                    System.exit(2);
                }
            }
        }
    }

    record Spec(String name, int partitions, Map<String, String> configs) {
        static Spec parse(String s) {
            String[] parts = s.split(":", 3);
            Map<String, String> cfg = new TreeMap<>();
            if (parts.length == 3 && !parts[2].isBlank()) {
                for (String kv : parts[2].split(",")) {
                    String[] p = kv.split("=", 2);
                    cfg.put(p[0], p[1]);
                }
            }
            return new Spec(parts[0], Integer.parseInt(parts[1]), cfg);
        }
    }

    static void ensure(Admin admin, List<String> specArgs) throws Exception {
        List<Spec> specs = specArgs.stream().map(Spec::parse).toList();
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);

        List<NewTopic> toCreate = new ArrayList<>();
        for (Spec s : specs) {
            if (!existing.contains(s.name())) {
                toCreate.add(new NewTopic(s.name(), s.partitions(), (short) 1).configs(s.configs()));
            }
        }
        if (!toCreate.isEmpty()) {
            var result = admin.createTopics(toCreate);
            for (var e : result.values().entrySet()) {
                try {
                    e.getValue().get(30, TimeUnit.SECONDS);
                    System.out.println("created  " + e.getKey());
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw ex;
                    }
                }
            }
        }

        // Converge existing topics: partitions up (never down), configs set.
        List<String> names = specs.stream().map(Spec::name).toList();
        Map<String, TopicDescription> desc = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
        Map<String, NewPartitions> grow = new HashMap<>();
        Map<ConfigResource, Collection<AlterConfigOp>> alter = new HashMap<>();
        Map<ConfigResource, Config> current = admin.describeConfigs(
                names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList())
                .all().get(30, TimeUnit.SECONDS);
        for (Spec s : specs) {
            int have = desc.get(s.name()).partitions().size();
            if (have < s.partitions()) {
                grow.put(s.name(), NewPartitions.increaseTo(s.partitions()));
            }
            ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, s.name());
            List<AlterConfigOp> ops = new ArrayList<>();
            for (var c : s.configs().entrySet()) {
                ConfigEntry entry = current.get(res).get(c.getKey());
                if (entry == null || !c.getValue().equals(entry.value())) {
                    ops.add(new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET));
                }
            }
            if (!ops.isEmpty()) {
                alter.put(res, ops);
            }
        }
        if (!grow.isEmpty()) {
            admin.createPartitions(grow).all().get(30, TimeUnit.SECONDS);
            grow.forEach((n, p) -> System.out.println("partitions raised " + n + " -> " + p.totalCount()));
        }
        if (!alter.isEmpty()) {
            admin.incrementalAlterConfigs(alter).all().get(30, TimeUnit.SECONDS);
            alter.keySet().forEach(r -> System.out.println("configs updated " + r.name()));
        }
        System.out.println("topics ok (" + specs.size() + " ensured)");
    }

    static void list(Admin admin) throws Exception {
        Set<String> names = new TreeSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
        if (names.isEmpty()) {
            System.out.println("(no topics)");
            return;
        }
        Map<String, TopicDescription> desc = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
        Map<ConfigResource, Config> cfgs = admin.describeConfigs(
                names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList())
                .all().get(30, TimeUnit.SECONDS);
        System.out.printf("%-28s %10s  %s%n", "TOPIC", "PARTITIONS", "NON-DEFAULT CONFIGS");
        for (String n : names) {
            StringBuilder sb = new StringBuilder();
            for (ConfigEntry e : cfgs.get(new ConfigResource(ConfigResource.Type.TOPIC, n)).entries()) {
                if (e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                    if (sb.length() > 0) {
                        sb.append(',');
                    }
                    sb.append(e.name()).append('=').append(e.value());
                }
            }
            System.out.printf("%-28s %10d  %s%n", n, desc.get(n).partitions().size(), sb);
        }
    }
}
