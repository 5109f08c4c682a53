package ru.workready.api.paging;

import java.util.List;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import ru.workready.data.Page;

/**
 * Listings answer a JSON array (so that existing clients keep working) and say where they are in
 * headers: {@code X-Total-Count}, {@code X-Page}, {@code X-Page-Size} and an RFC 8288 {@code Link}
 * with {@code next} / {@code prev}.
 */
public final class Paged {
    public static final String DEFAULT_SIZE = "50";

    private Paged() {
    }

    public static <T> ResponseEntity<List<T>> of(Page<T> page) {
        StringBuilder link = new StringBuilder();
        if (page.offset() + page.items().size() < page.total()) {
            link.append(link(page.page() + 1, page.size(), "next"));
        }
        if (page.page() > 0) {
            if (!link.isEmpty()) {
                link.append(", ");
            }
            link.append(link(page.page() - 1, page.size(), "prev"));
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header("X-Total-Count", Long.toString(page.total()))
                .header("X-Page", Integer.toString(page.page()))
                .header("X-Page-Size", Integer.toString(page.size()));
        if (!link.isEmpty()) {
            response.header("Link", link.toString());
        }
        return response.body(page.items());
    }

    /** The page with each item shown as the API's record for it. */
    public static <T, V> ResponseEntity<List<V>> of(Page<T> page, Function<T, V> view) {
        return of(new Page<>(page.items().stream().map(view).toList(), page.page(), page.size(), page.total()));
    }

    private static String link(int page, int size, String rel) {
        String uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page)
                .replaceQueryParam("size", size).build().toUriString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }
}
