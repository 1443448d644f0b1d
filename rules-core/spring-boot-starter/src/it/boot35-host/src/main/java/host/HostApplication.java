package host;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.conduct.rules.api.RulesEngine;
import vn.conduct.rules.io.FactsReader;
import vn.conduct.rules.io.ReportJson;

@SpringBootApplication
@RestController
public class HostApplication {
  private final RulesEngine engine;

  public HostApplication(RulesEngine engine) {
    this.engine = engine;
  }

  public static void main(String[] args) {
    SpringApplication.run(HostApplication.class, args);
  }

  @PostMapping(path = "/evaluate", consumes = "application/yaml", produces = "application/json")
  public String evaluate(@RequestBody byte[] facts) {
    return new ReportJson().write(engine.evaluate(new FactsReader().load("facts.yaml", facts).request()));
  }
}
