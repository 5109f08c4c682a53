package ru.workready.api.language;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import ru.workready.data.InvalidInputException;

/**
 * Every problem detail the controllers answer, in Russian when the request prefers it ({@link Russian}): its title,
 * its detail and each listed problem's reason. Row, column and value stay as they are: they quote the input. An
 * answer that is {@link InRussian} (or a list of them) is replaced by its Russian copy.
 */
@ControllerAdvice
public class RussianProblems implements ResponseBodyAdvice<Object> {
    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType contentType,
                                            Class<? extends HttpMessageConverter<?>> converterType,
                                            ServerHttpRequest request, ServerHttpResponse response) {
        if (body == null || !(request instanceof ServletServerHttpRequest servlet)
                || !Russian.wanted(servlet.getServletRequest())) {
            return body;
        }
        if (body instanceof InRussian answer) {
            return answer.inRussian();
        }
        if (body instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof InRussian) {
            return list.stream().map(a -> a instanceof InRussian r ? r.inRussian() : a).toList();
        }
        if (!(body instanceof ProblemDetail p)) {
            return body;
        }
        p.setTitle(Russian.text(p.getTitle()));
        p.setDetail(Russian.text(p.getDetail()));
        Map<String, Object> properties = p.getProperties();
        if (properties != null && properties.get("problems") instanceof List<?> problems) {
            p.setProperty("problems", problems.stream().map(RussianProblems::translated).toList());
        }
        return p;
    }

    /** A listed problem with its reason in Russian (row, column and value quote the input and stay). */
    public static Object translated(Object problem) {
        return problem instanceof InvalidInputException.Problem q
                ? new InvalidInputException.Problem(q.row(), q.column(), q.value(), Russian.text(q.reason()))
                : problem;
    }
}
