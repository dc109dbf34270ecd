package org.mdcoop.fusion.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a stream's owner knows, written to the compacted {@code fusion.snapshots} topic (keyed by stream) so that the
 * next owner — another instance after a rebalance or a crash, or this one after a restart — continues with the same
 * track ids: the tracker's whole state, the published tracks with their ids and update numbers, and the position in
 * the stream's partition of {@code fusion.sensor-reports} from which the reports not yet in the state start.
 *
 * @param agreementId the agreement in force when it was taken; a snapshot of another agreement is never restored
 * @param epoch       the owner epoch of the instance that took it
 * @param partition   the stream's partition of the reports topic
 * @param nextOffset  reports of this stream at this offset or later are not in the state (replay from here)
 * @param takenAtMs   wall-clock time it was taken (an old snapshot is not worth a long replay)
 * @param idPrefix    the prefix of the stream's track ids (kept so new tracks continue the same numbering)
 * @param tracker     the tracker's state ({@code Tracker.writeState})
 */
public record StreamSnapshot(String stream, UUID exerciseId, UUID agreementId, long epoch, int partition,
        long nextOffset, long takenAtMs, String idPrefix, List<PublishedTrack> published, byte[] tracker) {

    /** One published track: the engine's id, the track id it is published under, its last update number. */
    public record PublishedTrack(long engineId, String trackId, int lastUpdate) {
    }

    private static final int FORMAT = 1;

    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + tracker.length);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(FORMAT);
            out.writeUTF(stream);
            writeUuid(out, exerciseId);
            writeUuid(out, agreementId);
            out.writeLong(epoch);
            out.writeInt(partition);
            out.writeLong(nextOffset);
            out.writeLong(takenAtMs);
            out.writeUTF(idPrefix);
            out.writeInt(published.size());
            for (PublishedTrack p : published) {
                out.writeLong(p.engineId());
                out.writeUTF(p.trackId());
                out.writeInt(p.lastUpdate());
            }
            out.writeInt(tracker.length);
            out.write(tracker);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IOException when the bytes are not a snapshot of this format */
    public static StreamSnapshot fromBytes(byte[] value) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(value));
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("snapshot format " + format + ", this service reads " + FORMAT);
        }
        String stream = in.readUTF();
        UUID exerciseId = readUuid(in);
        UUID agreementId = readUuid(in);
        long epoch = in.readLong();
        int partition = in.readInt();
        long nextOffset = in.readLong();
        long takenAtMs = in.readLong();
        String idPrefix = in.readUTF();
        int n = in.readInt();
        if (n < 0 || n > 10_000_000) {
            throw new IOException("implausible track count " + n);
        }
        List<PublishedTrack> published = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            published.add(new PublishedTrack(in.readLong(), in.readUTF(), in.readInt()));
        }
        int len = in.readInt();
        if (len < 0 || len > value.length) {
            throw new IOException("implausible tracker state length " + len);
        }
        byte[] tracker = new byte[len];
        in.readFully(tracker);
        return new StreamSnapshot(stream, exerciseId, agreementId, epoch, partition, nextOffset, takenAtMs, idPrefix,
                published, tracker);
    }

    private static void writeUuid(DataOutputStream out, UUID id) throws IOException {
        out.writeBoolean(id != null);
        if (id != null) {
            out.writeLong(id.getMostSignificantBits());
            out.writeLong(id.getLeastSignificantBits());
        }
    }

    private static UUID readUuid(DataInputStream in) throws IOException {
        return in.readBoolean() ? new UUID(in.readLong(), in.readLong()) : null;
    }
}
