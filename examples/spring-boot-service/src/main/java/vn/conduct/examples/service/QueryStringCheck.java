package vn.conduct.examples.service;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a query string that is not well-formed before an endpoint runs: a {@code %} not followed
 * by two hexadecimal digits, or percent-escapes that do not decode to UTF-8. The servlet container
 * would otherwise drop such a parameter silently ({@code ?lang=%ZZ} would be answered in the
 * default language) or decode it to U+FFFD. The answer is a {@code 400} invalid-parameter problem
 * naming the parameter.
 */
@Component
public class QueryStringCheck implements HandlerInterceptor, WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).excludePathPatterns("/error");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    String query = request.getQueryString();
    if (query == null) {
      return true;
    }
    for (String pair : query.split("&", -1)) {
      Optional<String> problem = problem(pair);
      if (problem.isPresent()) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        throw RequestParameters.badParameter(name, "the query parameter '" + name + "' is not well-formed: "
            + problem.get() + "; percent-encode it as UTF-8, e.g. %C3%A9 for é", null);
      }
    }
    return true;
  }

  /** What is wrong with one {@code name=value} pair as written in a URL, if anything. */
  static Optional<String> problem(String pair) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(pair.length());
    for (int i = 0; i < pair.length(); i++) {
      char c = pair.charAt(i);
      if (c != '%') {
        bytes.write(c); // the request line is ASCII; anything else is read byte by byte
        continue;
      }
      int high = i + 1 < pair.length() ? hex(pair.charAt(i + 1)) : -1;
      int low = i + 2 < pair.length() ? hex(pair.charAt(i + 2)) : -1;
      if (high < 0 || low < 0) {
        return Optional.of("'%' at character " + (i + 1) + " is not followed by two hexadecimal digits");
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
      return Optional.empty();
    } catch (CharacterCodingException e) {
      return Optional.of("its percent-escapes do not decode to UTF-8");
    }
  }

  private static int hex(char c) {
    return "0123456789ABCDEF".indexOf(Character.toUpperCase(c));
  }
}
