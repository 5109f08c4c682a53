package ru.workready.data.assessments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * What an upload's rows are read from: a spooled body ({@link UploadSpool}), or a CSV body still arriving, read as its
 * bytes reach the spool ({@link UploadRunner}).
 */
public interface UploadContent {
    /** The body's size (announced, for one still arriving). */
    long bytes();

    /** Read as UTF-8, else as Windows-1251. */
    boolean utf8();

    /** The CSV's bytes from the start. */
    InputStream open() throws IOException;

    /** The whole body as a file (workbooks and JSON are read from their file). */
    Path file();
}
