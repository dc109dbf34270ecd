package org.mdcoop.fusion.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mdcoop.common.domain.Party;
import org.mdcoop.agreement.contract.AgreementTopics;
import org.mdcoop.agreement.contract.testing.StatusFixture;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.testing.StatusFeed;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.events.SensorReportMessage;
import org.mdcoop.fusion.engine.model.BallisticMotionModel;

/**
 * End-to-end load driver (Kafka in, fused track out) against a running fusion-service. Not a test and not in the
 * production jar (test sources). Loopback only, bounded in count and time.
 *
 * <ol>
 *   <li>opens the centre: publishes an in-force agreement status covering DATA_FUSION_CENTRE to
 *       {@code agreement.status} (and withdraws it at the end);</li>
 *   <li>registers 2 NATO and 2 Russian sensors over REST (client-credentials tokens of each realm's
 *       {@code sensor-gateway});</li>
 *   <li>flies {@code --objects} ballistic objects (central gravity) and every {@code 1/--scan-hz} s publishes one
 *       scan of one sensor (round robin) seeing every object, so the rate is objects x scan-hz reports/s, with
 *       report time = wall-clock time;</li>
 *   <li>reads {@code fusion.tracks} from its end and measures, for each track update, the time from the send of
 *       the scan it came from to its arrival; the reports fused per second come from the service's own counter
 *       ({@code fusion_reports_fused_total}) over the measured stretch (after the warm-up).</li>
 * </ol>
 *
 * Run: {@code fusion-service/bin/loadtest --rate 10000 --seconds 60} (see docs/benchmarks.md).
 */
public final class LoadDriver {

    public static void main(String[] args) throws Exception {
        // outside Quarkus nothing sets a level, so the Kafka clients formatted a TRACE line for every record sent
        // (a tenth of the driver's CPU, taken from the service it measures on a shared machine)
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        org.jboss.logmanager.Logger.getLogger("org.apache.kafka").setLevel(java.util.logging.Level.WARNING);
        Map<String, String> a = parse(args);
        String bootstrap = a.getOrDefault("bootstrap", "127.0.0.1:9092");
        String url = a.getOrDefault("url", "http://localhost:8084");
        String keycloak = a.getOrDefault("keycloak", "http://localhost:8180");
        int rate = Integer.parseInt(a.getOrDefault("rate", "10000"));
        double scanHz = Double.parseDouble(a.getOrDefault("scan-hz", "10"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
        int drain = Integer.parseInt(a.getOrDefault("drain", "30"));
        // what the radars' gateways compress their batches with: the service pays for decompressing it
        String compression = a.getOrDefault("compression", "lz4");
        int objects = (int) Math.round(rate / scanHz);
        if (!url.contains("localhost") && !url.contains("127.0.0.1")) {
            throw new IllegalArgumentException("loopback only");
        }
        if (seconds > 600 || rate > 100_000) {
            throw new IllegalArgumentException("bounded: at most 600 s and 100,000 reports/s");
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        System.out.printf(Locale.ROOT,
                "run %s: %d objects x %.1f scans/s = %d reports/s for %d s (+%d s warm-up) against %s, reports compressed with %s%n",
                run, objects, scanHz, rate, seconds, warmup, url, compression);

        HttpClient http = HttpClient.newHttpClient();
        String natoToken = token(http, keycloak, "nato");
        String russiaToken = token(http, keycloak, "russia");

        // report and agreement times follow the service's clock (tests and the demo may have moved it forward)
        Instant serviceNow = Instant.parse(get(http, url + "/api/clock", natoToken)
                .replaceAll(".*\"now\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
        long offsetMs = Duration.between(Instant.now(), serviceNow).toMillis();
        if (Math.abs(offsetMs) > 1_000) {
            System.out.printf(Locale.ROOT, "the service's clock is %+d s off the wall clock: report times follow it%n",
                    offsetMs / 1000);
        }
        KafkaProducer<String, String> producer = producer(bootstrap, compression);
        // the driver's own agreement, repeated as the heartbeat while it runs (the centre suspends without one)
        StatusFixture agreement = StatusFixture.agreement(Set.of("DATA_FUSION_CENTRE"));
        UUID agreementId = agreement.id();
        StatusFeed statuses = StatusFeed.on(bootstrap, AgreementTopics.STATUS, Duration.ofSeconds(5));
        statuses.publish(agreement.provisional(serviceNow.minusSeconds(60), serviceNow.plus(Duration.ofDays(1))));
        waitFor("centre open", () -> get(http, url + "/api/picture?exercise=true&exerciseId=" + UUID.randomUUID(), natoToken)
                .contains("\"centreOpen\":true"), 60);

        String[] sensorIds = { "BENCH-N1-" + run, "BENCH-N2-" + run, "BENCH-R1-" + run, "BENCH-R2-" + run };
        Party[] sensorParty = { Party.NATO, Party.NATO, Party.RUSSIA, Party.RUSSIA };
        double[] sigma = { 80, 150, 300, 200 };
        for (int i = 0; i < 4; i++) {
            String body = String.format(Locale.ROOT,
                    "{\"id\":\"%s\",\"type\":\"EARLY_WARNING_RADAR\",\"latDeg\":%d,\"lonDeg\":%d,\"altM\":100,\"sigmaM\":%.1f,\"revisitS\":%.2f}",
                    sensorIds[i], 50 + i, 20 + 5 * i, sigma[i], 4 / scanHz);
            int code = post(http, url + "/api/sensors", sensorParty[i] == Party.NATO ? natoToken : russiaToken, body);
            if (code != 201) {
                throw new IllegalStateException("sensor registration answered " + code);
            }
        }

        // measure: track updates from the end of fusion.tracks
        Map<Long, Long> scanSentNanos = new ConcurrentHashMap<>();
        long[] latencies = new long[50_000_000 / 8];
        AtomicLong nLatency = new AtomicLong();
        AtomicLong trackMessages = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        KafkaConsumer<String, String> consumer = tailConsumer(bootstrap, "fusion.tracks");
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    // only live updates, told by the stream header; the time read without parsing the whole message,
                    // so the driver's own cost stays small on a machine it shares with the service
                    org.apache.kafka.common.header.Header stream = r.headers().lastHeader(FusedTrackMessage.STREAM_HEADER);
                    if (stream == null || !FusedTrackMessage.LIVE_STREAM.equals(new String(stream.value(), StandardCharsets.UTF_8))
                            || !r.value().contains("\"type\":\"" + FusedTrackMessage.TYPE + "\"")) {
                        continue;
                    }
                    Instant t = payloadTime(r.value());
                    if (t == null) {
                        continue;
                    }
                    Long sent = scanSentNanos.get(Math.round(t.getEpochSecond() * 1e3 + t.getNano() / 1e6));
                    if (sent == null) {
                        continue; // not one of ours
                    }
                    trackMessages.incrementAndGet();
                    if (measuring.get()) {
                        long i = nLatency.getAndIncrement();
                        if (i < latencies.length) {
                            latencies[(int) i] = now - sent;
                        }
                    }
                }
            }
        }, "tracks-reader");
        reader.start();

        // fly
        BallisticMotionModel model = new BallisticMotionModel(0.0, 1.0);
        double[] states = initialStates(objects, new Random(42));
        // an object that has come down to 20 km is launched again from where it started (a new missile of the raid),
        // so runs longer than a flight (~4 min) keep sending plausible reports instead of ones from under the ground
        double[] launches = states.clone();
        double relaunchBelowM = 6_371_000.0 + 20_000;
        long periodNanos = (long) (1e9 / scanHz);
        long totalScans = (long) ((warmup + seconds) * scanHz);
        long warmupScans = (long) (warmup * scanHz);
        double fusedAtStart = 0;
        ServiceCounters atStart = null;
        long measureStartNanos = 0;
        long start = System.nanoTime();
        long sent = 0;
        long behind = 0;
        Random noise = new Random(7);
        for (long scan = 0; scan < totalScans; scan++) {
            long due = start + scan * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } else if (-wait > periodNanos) {
                behind++;
            }
            if (scan == warmupScans) {
                atStart = ServiceCounters.read(http, url);
                fusedAtStart = atStart.fused();
                measureStartNanos = System.nanoTime();
                measuring.set(true);
            }
            Instant t = Instant.ofEpochMilli(System.currentTimeMillis() + offsetMs);
            int s = (int) (scan % 4);
            for (int o = 0; o < objects; o++) {
                int off = o * 6;
                double dt = scan == 0 ? 0 : 1.0 / scanHz;
                if (dt > 0) {
                    model.propagate(states, off, dt);
                    double r2 = states[off] * states[off] + states[off + 1] * states[off + 1]
                            + states[off + 2] * states[off + 2];
                    if (r2 < relaunchBelowM * relaunchBelowM) {
                        System.arraycopy(launches, off, states, off, 6);
                    }
                }
                double sd = sigma[s];
                SensorReportMessage m = new SensorReportMessage(run + "-" + scan + "-" + o, sensorIds[s], sensorParty[s], t,
                        states[off] + sd * noise.nextGaussian(), states[off + 1] + sd * noise.nextGaussian(),
                        states[off + 2] + sd * noise.nextGaussian(), sd, null, null, null, null, false, null);
                EventEnvelope e = EventSerde.envelope(SensorReportMessage.TYPE, SensorReportMessage.VERSION, t,
                        "load-driver", sensorParty[s], "load-driver", null, sensorIds[s], m);
                producer.send(new ProducerRecord<>("fusion.sensor-reports", SensorReportMessage.streamOf(null), EventSerde.toJson(e)));
                sent++;
            }
            scanSentNanos.put(t.toEpochMilli(), System.nanoTime());
        }
        producer.flush();
        long sendEnd = System.nanoTime();
        double sendSeconds = (sendEnd - start) / 1e9;
        System.out.printf(Locale.ROOT, "sent %d reports in %.1f s (%.0f/s offered; %d scans late)%n", sent, sendSeconds,
                sent / sendSeconds, behind);

        // let the service catch up, bounded
        long lastCount = -1;
        long drainDeadline = System.nanoTime() + drain * 1_000_000_000L;
        double fusedEnd = fusedCounter(http, url);
        while (System.nanoTime() < drainDeadline) {
            Thread.sleep(2000);
            double f = fusedCounter(http, url);
            if ((long) f == lastCount) {
                break;
            }
            lastCount = (long) f;
            fusedEnd = f;
        }
        long measureEnd = System.nanoTime();
        ServiceCounters atEnd = ServiceCounters.read(http, url);
        measuring.set(false);
        stop.set(true);
        reader.join(5000);
        consumer.close();

        statuses.publish(agreement.withdrawn(Instant.now().plusMillis(offsetMs), "NATO"));
        statuses.close();
        producer.close(Duration.ofSeconds(5));

        double measured = (measureEnd - measureStartNanos) / 1e9;
        double fused = fusedEnd - fusedAtStart;
        int n = (int) Math.min(nLatency.get(), latencies.length);
        long[] l = Arrays.copyOf(latencies, n);
        Arrays.sort(l);
        System.out.printf(Locale.ROOT, "fused %.0f reports in %.1f s after warm-up (incl. catch-up): %.0f reports/s sustained%n",
                fused, measured, fused / measured);
        System.out.printf(Locale.ROOT, "track updates received: %d (%d measured)%n", trackMessages.get(), n);
        if (n > 0) {
            System.out.printf(Locale.ROOT, "latency scan sent -> track update received: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    l[n / 2] / 1e6, l[(int) Math.min(n - 1, (long) (n * 0.99))] / 1e6, l[n - 1] / 1e6);
        }
        if (atStart != null) {
            ServiceCounters d = atEnd.minus(atStart);
            System.out.printf(Locale.ROOT,
                    "late (retrodicted, fused) %.0f, late (beyond the lag, archived only) %.0f, dropped (centre closed) %.0f, "
                            + "shed %.0f, duplicates %.0f, dead-lettered %.0f%n",
                    d.retrodicted(), d.late(), d.dropped(), d.shed(), d.duplicates(), d.rejected());
            System.out.printf(Locale.ROOT, "service CPU: %.1f s for %.0f fused reports = %.1f us per report%n",
                    d.cpuSeconds(), d.fused(), d.fused() > 0 ? d.cpuSeconds() * 1e6 / d.fused() : 0);
        }
    }

    /** The payload's {@code t} of a track update (the envelope's own times come before the payload). */
    static Instant payloadTime(String json) {
        int payload = json.indexOf("\"payload\":");
        int at = payload < 0 ? -1 : json.indexOf("\"t\":\"", payload);
        if (at < 0) {
            return null;
        }
        int from = at + 5;
        return Instant.parse(json.substring(from, json.indexOf('"', from)));
    }

    /** Objects spread on a lat/lon grid (0.6 degree apart), 150-250 km up, 2-5 km/s in varied directions. */
    static double[] initialStates(int objects, Random random) {
        double[] s = new double[objects * 6];
        int side = (int) Math.ceil(Math.sqrt(objects));
        for (int o = 0; o < objects; o++) {
            double lat = Math.toRadians(35 + 0.6 * (o / side));
            double lon = Math.toRadians(10 + 0.6 * (o % side));
            double r = 6_371_000.0 + 150_000 + 100_000 * random.nextDouble();
            double[] up = { Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat) };
            double[] east = { -Math.sin(lon), Math.cos(lon), 0 };
            double[] north = { -Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat) };
            double heading = random.nextDouble() * 2 * Math.PI;
            double v = 2_000 + 3_000 * random.nextDouble();
            double climb = 500 + 1_000 * random.nextDouble();
            for (int i = 0; i < 3; i++) {
                s[o * 6 + i] = r * up[i];
                s[o * 6 + 3 + i] = v * (Math.cos(heading) * east[i] + Math.sin(heading) * north[i]) + climb * up[i];
            }
        }
        return s;
    }

    private static KafkaProducer<String, String> producer(String bootstrap, String compression) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static KafkaConsumer<String, String> tailConsumer(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "load-driver-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> parts = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        parts.forEach(consumer::position);
        return consumer;
    }

    private static String token(HttpClient http, String keycloak, String realm) throws Exception {
        String form = "grant_type=client_credentials&client_id=sensor-gateway&client_secret="
                + URLEncoder.encode("sensor-gateway-secret", StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no token from " + realm + ": " + r.statusCode());
        }
        return m.group(1);
    }

    private static String get(HttpClient http, String url, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }

    private static int post(HttpClient http, String url, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static double fusedCounter(HttpClient http, String url) {
        String metrics = get(http, url + "/q/metrics", null);
        Matcher m = Pattern.compile("(?m)^fusion_reports_fused_total(\\{[^}]*\\})?\\s+([0-9.eE+]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }

    /** The service's own counters (from /q/metrics) at one moment. */
    record ServiceCounters(double fused, double retrodicted, double late, double dropped, double shed,
            double duplicates, double rejected, double cpuSeconds) {

        static ServiceCounters read(HttpClient http, String url) {
            String m = get(http, url + "/q/metrics", null);
            return new ServiceCounters(sum(m, "fusion_reports_fused_total"), sum(m, "fusion_reports_retrodicted_total"),
                    sum(m, "fusion_reports_late_total"), sum(m, "fusion_reports_dropped_total"),
                    sum(m, "fusion_reports_shed_total"), sum(m, "fusion_reports_duplicates_total"),
                    sum(m, "fusion_reports_rejected_total"), sum(m, "process_cpu_time_ns_total") / 1e9);
        }

        ServiceCounters minus(ServiceCounters o) {
            return new ServiceCounters(fused - o.fused, retrodicted - o.retrodicted, late - o.late, dropped - o.dropped,
                    shed - o.shed, duplicates - o.duplicates, rejected - o.rejected, cpuSeconds - o.cpuSeconds);
        }

        /** Sum over every label set of one metric. */
        private static double sum(String metrics, String name) {
            Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})?\\s+([0-9.eE+-]+)").matcher(metrics);
            double total = 0;
            while (m.find()) {
                total += Double.parseDouble(m.group(2));
            }
            return total;
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(String what, Check check, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(500);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            out.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return out;
    }

    private LoadDriver() {
    }
}
