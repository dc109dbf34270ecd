package org.mdcoop.exercise.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

/** The annual programme view: exercises whose window intersects a UTC calendar year, in time order, with hosts. */
public final class ExerciseCalendar {

    private ExerciseCalendar() {
    }

    public record Entry(UUID id, String name, ExerciseKind kind, Party host, ExerciseWindow window,
            ExerciseStatus status) {
    }

    /** The year's exercises (any status) sorted by window start, then name. */
    public static List<Entry> year(Collection<Exercise> exercises, int year) {
        ExerciseWindow y = new ExerciseWindow(LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
                LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
        return exercises.stream().filter(e -> e.window().overlaps(y))
                .sorted(Comparator.comparing((Exercise e) -> e.window().start()).thenComparing(Exercise::name))
                .map(e -> new Entry(e.id(), e.name(), e.kind(), e.host(), e.window(), e.status())).toList();
    }

    /** Host rotation: the hosts in time order of the entries that hold their slot (not CANCELLED/HALTED). */
    public static List<Party> hostSequence(List<Entry> entries) {
        return entries.stream().filter(e -> e.status().occupiesWindow()).map(Entry::host).toList();
    }

    /** How many exercises each party hosts among the entries that hold their slot. */
    public static Map<Party, Long> hostCounts(List<Entry> entries) {
        Map<Party, Long> counts = new EnumMap<>(Party.class);
        for (Party p : Party.values()) {
            counts.put(p, 0L);
        }
        entries.stream().filter(e -> e.status().occupiesWindow()).forEach(e -> counts.merge(e.host(), 1L, Long::sum));
        return counts;
    }
}
