package ru.workready.api.assessments;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import ru.workready.api.problems.BodyReadException;
import ru.workready.data.assessments.UploadRunner;

/** What the upload use case needs of an HTTP request: its body, content type, length and {@code Prefer} header. */
final class UploadBodies {
    private UploadBodies() {
    }

    static UploadRunner.Body of(HttpServletRequest request) {
        String prefer = request.getHeader("Prefer");
        try {
            return new UploadRunner.Body(request.getInputStream(), request.getContentType(),
                    request.getContentLengthLong(), prefer != null && prefer.contains("respond-async"));
        } catch (IOException e) {
            throw new BodyReadException(e);
        }
    }
}
