package vn.conduct.examples.service;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The service on a random port, with the ranking page reading the tests' own facts
 * ({@code rankings-test.yaml}). Every test class that uses it shares one application context, so
 * the packs are compiled once for the whole module.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "conduct.service.rankings-facts=classpath:rankings-test.yaml")
@interface ServiceTest {
}
