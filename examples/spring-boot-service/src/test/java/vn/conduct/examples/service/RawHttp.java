package vn.conduct.examples.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A minimal HTTP/1.1 client over a socket, for requests no well-behaved client sends: any bytes in
 * the request line, headers and body, a {@code Content-Length} that lies, a broken chunked body.
 * The body is written on another thread while the response is read, so that an answer the server
 * gives before reading the body (a {@code 413}) is seen even if the server then closes the
 * connection on the rest.
 */
final class RawHttp {

  private RawHttp() {
  }

  /** A response: status, headers (names in lower case), body, and how long it took to come. */
  record Response(int status, Map<String, String> headers, byte[] body, long millis) {

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Sends a request and reads the response.
   *
   * @param head the request line and headers, each ending with CRLF, without the blank line that ends them
   * @param body the bytes sent after the head, or {@code null}
   */
  static Response send(int port, String head, byte[] body) {
    long start = System.nanoTime();
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
        try {
          if (body != null) {
            out.write(body);
            out.flush();
          }
        } catch (IOException e) {
          // the server answered and closed the connection before reading it all: that is allowed
        }
      });
      Response response = read(socket.getInputStream(), start);
      writing.cancel(true);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response read(InputStream in, long start) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
        body.write(in.readNBytes(size));
        line(in);
      }
    } else if (headers.containsKey("content-length")) {
      body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
    }
    return new Response(status, headers, body.toByteArray(), (System.nanoTime() - start) / 1_000_000);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed in the middle of the response");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
