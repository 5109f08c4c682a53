package ru.workready.api.downloads;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** File downloads: the body with its media type and an attachment file name. */
public final class Downloads {
    /** CSV as every export writes it: UTF-8 text. */
    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }

    public static ResponseEntity<String> csv(String fileName, String body) {
        return attachment(CSV, fileName, body);
    }

    public static <T> ResponseEntity<T> attachment(MediaType type, String fileName, T body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(body);
    }
}
