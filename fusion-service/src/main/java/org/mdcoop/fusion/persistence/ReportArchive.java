package org.mdcoop.fusion.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.mdcoop.fusion.domain.Report;
import org.mdcoop.fusion.service.FusionConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Archives Kafka reports off the hot path: the consumer hands accepted reports here and to the tracker at once; one
 * writer thread stores them in batches (one multi-row statement each). A database outage delays the archive, never
 * the picture: the writer retries with back-off while the queue absorbs the backlog; past its bound, reports are not
 * archived (counted in {@code fusion.reports.archive-shed}) — they are still on the topic and were still fused.
 * Also enforces retention by dropping whole day partitions.
 */
@ApplicationScoped
public class ReportArchive {

    private static final int MAX_BATCH = 5_000;

    private final ReportStore store;
    private final Clock clock;
    private final int retentionDays;
    private final BlockingQueue<Report> queue;
    private final Counter archived;
    private final Counter shed;
    private final Counter dropped;
    private volatile boolean running;
    private Thread writer;

    public ReportArchive(ReportStore store, Clock clock, FusionConfig config, MeterRegistry registry) {
        this.store = store;
        this.clock = clock;
        this.retentionDays = (int) Math.max(1, config.archiveRetention().toDays());
        this.queue = new ArrayBlockingQueue<>(config.archiveQueueCapacity());
        this.archived = Counter.builder("fusion.reports.archived").description("raw reports written to the archive")
                .register(registry);
        this.shed = Counter.builder("fusion.reports.archive-shed")
                .description("reports not archived because the archive writer was too far behind (still fused)")
                .register(registry);
        this.dropped = Counter.builder("fusion.archive.partitions-dropped")
                .description("day partitions of raw reports dropped by retention").register(registry);
        registry.gauge("fusion.reports.archive-backlog", queue, BlockingQueue::size);
    }

    /** Queues reports for the archive; never blocks. */
    public void add(List<Report> reports) {
        for (Report r : reports) {
            if (!queue.offer(r)) {
                shed.increment();
            }
        }
    }

    /** Reports still waiting for the writer. */
    public int backlog() {
        return queue.size();
    }

    void start(@Observes StartupEvent startup) {
        maintain();
        running = true;
        writer = new Thread(this::write, "fusion-report-archive");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (writer != null) {
            writer.interrupt();
        }
    }

    /** Partitions for the coming days exist, those past retention are gone. */
    @Scheduled(every = "1h", delay = 1, delayUnit = TimeUnit.HOURS, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void maintain() {
        try {
            int n = store.maintainPartitions(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), retentionDays);
            if (n > 0) {
                dropped.increment(n);
                Log.infof("report archive: dropped %d day partitions older than %d days", n, retentionDays);
            }
        } catch (Exception e) {
            Log.warnf("report archive maintenance failed (retried within the hour): %s", e.getMessage());
        }
    }

    private void write() {
        List<Report> batch = new ArrayList<>(MAX_BATCH);
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                if (batch.isEmpty()) {
                    Report first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                store.archive(batch, "kafka", clock.instant());
                archived.increment(batch.size());
                batch.clear();
                backoff = Duration.ofMillis(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                Log.warnf("could not archive %d reports, retrying in %s: %s", batch.size(), backoff, e.getMessage());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
            }
        }
    }
}
