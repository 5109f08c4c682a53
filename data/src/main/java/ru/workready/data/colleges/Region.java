package ru.workready.data.colleges;

/**
 * A region (субъект Российской Федерации): one code, one official name.
 *
 * @param reference one of the 85 subjects shipped as reference data
 * @param demo      the demo's own region
 */
public record Region(String code, String name, boolean reference, boolean demo) {
}
