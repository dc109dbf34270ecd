package org.mdcoop.fusion.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mdcoop.fusion.service.FusionCentre;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Stream ownership follows the consumer group's assignment of {@code fusion.sensor-reports} (keyed by stream): an
 * acquired partition's streams continue from their snapshots, with the consumer moved back to the oldest snapshot's
 * offset to replay what the snapshot does not hold; a revoked partition's streams are snapshotted for the next owner
 * and dropped. The owner epoch is the group generation of the assignment, which only grows.
 */
@ApplicationScoped
@Identifier(SensorReportRebalance.NAME)
public class SensorReportRebalance implements KafkaConsumerRebalanceListener {

    public static final String NAME = "fusion-sensor-reports-rebalance";

    private final FusionCentre centre;
    private final SensorReportConsumer reports;
    private final String topic;

    public SensorReportRebalance(FusionCentre centre, SensorReportConsumer reports,
            @ConfigProperty(name = "mp.messaging.incoming.sensor-reports.topic") String topic) {
        this.centre = centre;
        this.reports = reports;
        this.topic = topic;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        long epoch = consumer.groupMetadata().generationId();
        int count = consumer.partitionsFor(topic).size();
        reports.forget(partitions);
        Map<Integer, Long> replayFrom = centre.acquire(numbers(partitions), epoch, count);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        for (TopicPartition tp : partitions) {
            Long from = replayFrom.get(tp.partition());
            if (from == null) {
                continue;
            }
            OffsetAndMetadata c = committed.get(tp);
            // never skip forward: other streams of the partition may have no snapshot and need every record
            long seekTo = c == null ? from : Math.min(from, c.offset());
            consumer.seek(tp, seekTo);
            Log.infof("%s acquired in epoch %d: replaying from offset %d (committed %s)", tp, epoch, seekTo,
                    c == null ? "none" : Long.toString(c.offset()));
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            centre.release(numbers(partitions), true);
        }
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            centre.release(numbers(partitions), false); // another owner may already be writing them
        }
    }

    private static List<Integer> numbers(Collection<TopicPartition> partitions) {
        List<Integer> out = new ArrayList<>(partitions.size());
        for (TopicPartition tp : partitions) {
            out.add(tp.partition());
        }
        return out;
    }
}
