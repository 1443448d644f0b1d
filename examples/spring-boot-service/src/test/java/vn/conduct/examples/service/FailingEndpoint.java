package vn.conduct.examples.service;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An endpoint that exists only in the tests (component scanning finds it in the test classes) and
 * fails as a defect would, with a message that must never reach the client.
 */
@Hidden
@RestController
class FailingEndpoint {

  /** The secret each failure carries in its message. */
  static final String SECRET = "password=hunter2 at /srv/conduct/secrets.yaml \u001b[31m";

  @GetMapping("/test/failure")
  String fail(@RequestParam("kind") String kind) {
    switch (kind) {
      case "exception" -> throw new IllegalStateException(SECRET);
      case "error" -> throw new StackOverflowError(SECRET);
      default -> throw new UnsupportedOperationException(SECRET + kind);
    }
  }
}
