package org.mdcoop.fusion.service;

import java.util.List;

import org.mdcoop.fusion.domain.Report;

/**
 * The outcome of one batch: how many reports were stored and handed to the tracker, how many were already known
 * (ignored), and why each refused one was refused (by its index in the batch).
 */
public record IngestResult(int accepted, int duplicates, List<Rejected> rejected, List<Report> acceptedReports) {

    public record Rejected(int index, String reportId, String reason) {
    }
}
