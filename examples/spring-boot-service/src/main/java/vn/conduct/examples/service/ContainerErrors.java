package vn.conduct.examples.service;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Problem details for what Tomcat refuses before the application sees the request: a request line
 * with control characters or a bad percent-escape in the path, a malformed header, headers too
 * large. Tomcat answers those with its own HTML error page; here its error-report valve is
 * replaced by one that writes {@code application/problem+json} ({@code about:blank}, the status and
 * its reason phrase, and a detail that quotes nothing from the request).
 */
@Component
public class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(ContainerErrors.class);

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      Host host = (Host) context.getParent();
      for (Valve valve : host.getPipeline().getValves()) {
        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
          host.getPipeline().removeValve(valve);
        }
      }
      host.getPipeline().addValve(new ProblemReportValve());
      if (host instanceof StandardHost standard) {
        standard.setErrorReportValveClass(ProblemReportValve.class.getName()); // else Tomcat adds its own at start
      }
    });
  }

  /** After Spring Boot's own customizer, which installs Tomcat's error-report valve. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Tomcat's error-report valve, writing a problem detail instead of an HTML page. */
  public static class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(false);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      String detail;
      if (status < 500) {
        detail = "The web server refused the request before the service saw it: " + title
            + (status == 400 ? " (a request line, percent-escape or header that is not well-formed HTTP)." : ".");
      } else {
        LOG.error("The web server failed to answer a request with status {}", status, throwable);
        detail = "The web server failed to answer this request.";
      }
      String json = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
          + detail + "\"}";
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(json);
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the connection is gone or the response was committed meanwhile: nothing more can be said
      }
    }
  }
}
