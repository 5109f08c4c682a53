package ru.workready.data.standards;

import java.time.LocalDate;

/** One stored edition of a professional standard, for listings. */
public record StandardSummary(long id, String code, String name, String registrationNumber, String orderNumber,
                              LocalDate approvalDate, boolean current, int generalizedFunctions,
                              int labourFunctions) {
}
