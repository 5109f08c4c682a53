package ru.workready.api.problems;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies with a size limit, so that a huge upload is refused with 413, not an OOM. */
public final class Bodies {
    private Bodies() {
    }

    /** Reads the request body; see {@link #read(InputStream, long)}. */
    public static byte[] read(HttpServletRequest request, long limit) {
        InputStream in;
        try {
            in = request.getInputStream();
        } catch (IOException e) {
            throw new BodyReadException(e);
        }
        return read(in, limit);
    }

    /**
     * Reads the whole stream; over {@code limit} bytes: {@link PayloadTooLargeException}, a read
     * that fails (a client aborting mid-upload): {@link BodyReadException}.
     */
    public static byte[] read(InputStream in, long limit) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > limit) {
                    throw new PayloadTooLargeException(limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new BodyReadException(e);
        }
    }
}
