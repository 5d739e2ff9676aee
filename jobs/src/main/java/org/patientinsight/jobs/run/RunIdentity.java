package org.patientinsight.jobs.run;

import java.time.Instant;

/** Which run this is: its id, the command, what it reads, the warehouse it writes, when it began. */
public record RunIdentity(String runId, String command, String input, String warehouse, Instant startedAt) {}
