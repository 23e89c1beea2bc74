package com.shopsuite.midimo.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One browser of a person using the chat: headless Chromium from the machine's packages, driven by
 * Selenium through the packaged chromedriver (never one downloaded at run time), in a profile of
 * its own, so that two of them are two people. A missing browser fails the test: {@code .ci/run}
 * installs Debian's {@code chromium} and {@code chromium-driver} when they are missing.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM =
      Path.of(System.getProperty("midimo.it.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("midimo.it.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration PATIENCE = Duration.ofSeconds(20);

  private final ChromeDriver driver;
  private final Path profile;
  private final String name;

  private Browser(String name, int width, int height, boolean phone) {
    assertThat(CHROMIUM)
        .as("a browser for the tests: apt-get install chromium chromium-driver (.ci/run does)")
        .isExecutable();
    assertThat(CHROMEDRIVER)
        .as("the browser's driver: apt-get install chromium-driver (.ci/run does)")
        .isExecutable();
    this.name = name;
    try {
      profile = Files.createTempDirectory("midimo-browser-" + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    if (phone) {
      // Headless Chromium keeps windows at least 500 px wide: a phone's viewport is emulated.
      options.setExperimentalOption(
          "mobileEmulation",
          java.util.Map.of(
              "deviceMetrics",
              java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0)));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
  }

  /** A desktop-sized window. */
  static Browser open(String name) {
    return new Browser(name, 1280, 900, false);
  }

  /** A phone-sized window. */
  static Browser phone(String name) {
    return new Browser(name, 390, 844, true);
  }

  WebDriver driver() {
    return driver;
  }

  void go(String url) {
    driver.get(url);
  }

  WebElement find(String css) {
    return until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Polls the page until {@code condition} holds (a non-null, non-false answer). */
  <T> T until(ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100)).until(condition);
  }

  /** Waits until an element matching {@code css} shows {@code text}. */
  WebElement untilText(String css, String text) {
    return until(
        d ->
            d.findElements(By.cssSelector(css)).stream()
                .filter(element -> element.getText().contains(text))
                .findFirst()
                .orElse(null));
  }

  /** The texts of the elements matching {@code css} that contain {@code text}. */
  long count(String css, String text) {
    return all(css).stream().filter(element -> element.getText().contains(text)).count();
  }

  /** Written under target/screenshots, for a reviewer to look at. */
  void screenshot(String view) {
    try {
      Files.createDirectories(SCREENSHOTS);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(SCREENSHOTS.resolve(view + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the page's console said at error level: a working page says nothing there. */
  List<String> consoleErrors() {
    return driver.manage().logs().get("browser").getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(entry -> entry.getMessage())
        .toList();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  @Override
  public String toString() {
    return name;
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A temporary profile left behind is harmless.
    }
  }
}
