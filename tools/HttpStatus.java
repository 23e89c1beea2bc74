import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Prints the HTTP status of a GET, or 0 when nothing answers: how run.sh waits for readiness
 * without needing curl. Run as a single-file program: {@code java tools/HttpStatus.java URL}.
 */
public class HttpStatus {
  public static void main(String[] args) throws InterruptedException {
    try {
      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(args[0]))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      System.out.println(response.statusCode());
    } catch (java.io.IOException e) {
      System.out.println(0);
    }
  }
}
