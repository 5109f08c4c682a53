package ru.workready.engine.scoring;

/**
 * What the rules see about one labour function for one student: the arithmetic is done, the
 * policy is not.
 *
 * @param mapped     at least one programme outcome is mapped to the function
 * @param readiness  r(t) over evidenced mappings, 0 when nothing is evidenced
 * @param coverage   share of mapping weight that has evidence
 * @param certified  the student passed an independent qualification assessment (НОК) whose
 *                   qualification covers this function's generalized function
 */
public record FunctionFacts(String standardCode, String generalizedCode, String code, int qualificationLevel,
                            int programmeLevel, boolean mapped, double readiness, double coverage,
                            boolean certified) {
}
