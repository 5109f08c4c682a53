package ru.workready.data.assessments;

/** What an upload carries: assessment results or the student roster. */
public enum UploadKind {
    ASSESSMENTS, STUDENTS
}
