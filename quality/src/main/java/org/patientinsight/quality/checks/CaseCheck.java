package org.patientinsight.quality.checks;

import com.amazon.deequ.checks.Check;
import org.patientinsight.quality.CheckLevel;

/**
 * One named rule of the suite: a Deequ {@link Check} holding exactly one constraint, so each
 * rule gets its own pass/fail and observed value. Internal to the quality module.
 */
public record CaseCheck(
    String name, CheckLevel level, String requirement, ObservedFormat format, Check deequCheck) {}
