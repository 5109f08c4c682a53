package ru.workready.data.assessments;

/** What an upload carries: assessment results, the student roster, or graduates' employment records. */
public enum UploadKind {
    ASSESSMENTS, STUDENTS, EMPLOYMENT
}
