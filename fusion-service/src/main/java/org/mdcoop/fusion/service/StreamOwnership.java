package org.mdcoop.fusion.service;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.utils.Utils;

/**
 * Which streams this instance fuses. Reports are keyed by their stream on {@code fusion.sensor-reports}, so every
 * stream lives on one partition, and the consumer group's assignment of that partition decides the owner. Each
 * acquisition carries an owner epoch — the group generation it happened in, which only grows — published with every
 * track message, so readers can ignore a former owner that has not noticed yet that it lost the stream.
 */
@ApplicationScoped
public class StreamOwnership {

    /** Owned partition → the epoch it was acquired in. */
    private final Map<Integer, Long> owned = new ConcurrentHashMap<>();
    private volatile int partitions;

    /** The partition of a stream, as Kafka's default partitioner places a record keyed by the stream's name. */
    public static int partitionOf(String stream, int partitions) {
        return Utils.toPositive(Utils.murmur2(stream.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    public int partitionOf(String stream) {
        int n = partitions;
        return n == 0 ? -1 : partitionOf(stream, n);
    }

    /** Called from the consumer's rebalance listener. */
    public void acquired(Collection<Integer> acquired, long epoch, int partitionCount) {
        partitions = partitionCount;
        for (Integer p : acquired) {
            owned.put(p, epoch);
        }
    }

    public void released(Collection<Integer> released) {
        for (Integer p : released) {
            owned.remove(p);
        }
    }

    public boolean ownsPartition(int partition) {
        return owned.containsKey(partition);
    }

    public boolean owns(String stream) {
        int p = partitionOf(stream);
        return p >= 0 && owned.containsKey(p);
    }

    /** The epoch this instance holds a stream's partition in, or -1 when it does not own it. */
    public long epochOf(String stream) {
        int p = partitionOf(stream);
        Long e = p < 0 ? null : owned.get(p);
        return e == null ? -1 : e;
    }

    public long epochOfPartition(int partition) {
        Long e = owned.get(partition);
        return e == null ? -1 : e;
    }

    /** Partitions owned now (a copy). */
    public java.util.Set<Integer> ownedPartitions() {
        return java.util.Set.copyOf(owned.keySet());
    }
}
