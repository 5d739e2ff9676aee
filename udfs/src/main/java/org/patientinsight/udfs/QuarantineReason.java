package org.patientinsight.udfs;

import org.patientinsight.contract.QuarantineCode;

/**
 * Why a row cannot be published. Messages state counts and positions only, never patient text.
 */
public record QuarantineReason(QuarantineCode code, String message) {
}
