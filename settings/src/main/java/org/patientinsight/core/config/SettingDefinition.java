package org.patientinsight.core.config;

/**
 * One known setting as its owning module declares it in {@code patient-insight/defaults.properties}:
 * the default, the type every value must have, and a one-line description for {@code config}.
 */
public record SettingDefinition(String key, String defaultValue, SettingType type, String description) {}
