package org.mdcoop.exercise.service;

import java.util.List;
import java.util.Map;

import org.mdcoop.common.domain.Party;
import org.mdcoop.exercise.domain.ExerciseCalendar;

/**
 * The annual programme: the exercises whose window intersects the UTC year, in time order; the host rotation (hosts
 * of the exercises that hold their slot, in time order) and how many each party hosts.
 */
public record CalendarView(int year, List<ExerciseCalendar.Entry> exercises, List<Party> hostSequence,
        Map<Party, Long> hostCounts) {
}
