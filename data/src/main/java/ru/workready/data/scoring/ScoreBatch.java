package ru.workready.data.scoring;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The score rows of a batch as COPY text for {@link BulkScoringRepository#replaceScores}, appended as they are
 * scored: no row objects, and the explanation written as compact JSON by hand — the decision only (rules, deciding
 * rule, reason); the versions are columns of their own.
 */
public final class ScoreBatch {
    private final StringBuilder csv;
    private final Set<Long> collegeIds = new HashSet<>();
    private final Set<Long> functionIds = new HashSet<>();
    private final Set<String> studentIds = new LinkedHashSet<>();
    private final String computedAt;
    private int rows;

    /** @param computedAt the application clock's time of the scoring, stored with every row */
    public ScoreBatch(int expectedRows, OffsetDateTime computedAt) {
        csv = new StringBuilder(expectedRows * 150);
        this.computedAt = computedAt.toString();
    }

    public void add(long collegeId, String studentId, long labourFunctionId, @Nullable Double readiness,
                    double coverage, String level, List<String> rules, String decidedBy, String reason,
                    String ruleSetVersion, long mappingSetId) {
        add(collegeId, studentId, labourFunctionId, readiness, coverage, level, rules, decidedBy, reason, null,
                ruleSetVersion, mappingSetId);
    }

    /** @param reasonRu the rule set's own Russian reason, kept next to the English one when there is one */
    public void add(long collegeId, String studentId, long labourFunctionId, @Nullable Double readiness,
                    double coverage, String level, List<String> rules, String decidedBy, String reason,
                    @Nullable String reasonRu, String ruleSetVersion, long mappingSetId) {
        add(collegeId, studentId, labourFunctionId, readiness, coverage, level, rules, decidedBy, reason, reasonRu,
                null, ruleSetVersion, mappingSetId);
    }

    /**
     * @param outcomesJson the outcomes' contributions as a JSON array (what cohort reports and shortlists read from
     *                     a stored score), or null for the decision alone (a rescoring job's compact rows)
     */
    public void add(long collegeId, String studentId, long labourFunctionId, @Nullable Double readiness,
                    double coverage, String level, List<String> rules, String decidedBy, String reason,
                    @Nullable String reasonRu, @Nullable String outcomesJson, String ruleSetVersion,
                    long mappingSetId) {
        collegeIds.add(collegeId);
        functionIds.add(labourFunctionId);
        studentIds.add(studentId);
        rows++;
        csv.append(collegeId).append(',');
        csvText(studentId);
        csv.append(',').append(labourFunctionId).append(',');
        if (readiness != null) {
            csv.append(readiness.doubleValue());
        }
        csv.append(',').append(coverage).append(',').append(level).append(",\"{\"\"rules\"\":[");
        for (int i = 0; i < rules.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            jsonString(rules.get(i));
        }
        csv.append("],\"\"decidedBy\"\":");
        jsonString(decidedBy);
        csv.append(",\"\"reason\"\":");
        jsonString(reason);
        if (reasonRu != null) {
            csv.append(",\"\"reasonRu\"\":");
            jsonString(reasonRu);
        }
        if (outcomesJson != null) {
            csv.append(",\"\"outcomes\"\":");
            for (int i = 0; i < outcomesJson.length(); i++) {
                char c = outcomesJson.charAt(i);
                csv.append(c);
                if (c == '"') {
                    csv.append('"'); // inside a quoted CSV field
                }
            }
        }
        csv.append("}\",");
        csvText(ruleSetVersion);
        csv.append(',').append(mappingSetId).append(',').append(computedAt).append('\n');
    }

    public int rows() {
        return rows;
    }

    Set<Long> collegeIds() {
        return collegeIds;
    }

    Set<Long> functionIds() {
        return functionIds;
    }

    Set<String> studentIds() {
        return studentIds;
    }

    /** The COPY text so far (tests). */
    public String text() {
        return csv.toString();
    }

    /** A JSON string inside a quoted CSV field: JSON escapes first, then CSV doubles every quote. */
    private void jsonString(String s) {
        csv.append("\"\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                csv.append("\\\"\"");
            } else if (c == '\\') {
                csv.append("\\\\");
            } else if (c < 0x20) {
                csv.append(String.format("\\u%04x", (int) c));
            } else {
                csv.append(c);
            }
        }
        csv.append("\"\"");
    }

    private void csvText(String s) {
        csv.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            csv.append(c);
            if (c == '"') {
                csv.append('"');
            }
        }
        csv.append('"');
    }
}
