package dev.rotor.examples;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium under its own chromedriver, both named explicitly so Selenium Manager never runs
 * and nothing is downloaded; each page in a window of its own (not a background tab, whose timers the browser
 * would slow down). A JUnit extension: {@code @RegisterExtension static final Chromium chromium = new
 * Chromium();} gives a test class one browser, started before its first test, reset after each (windows and
 * cookies) and closed after the last.
 */
final class Chromium implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** Loads the module in the page and makes {@code window.client}, recording its changes in {@code changes}. */
    static final String SETUP = "const { createClient } = await import(location.origin + '/rotor-browser.js');"
            + "window.changes = [];"
            + "window.client = createClient(Object.assign({ baseUrl: location.origin }, arguments[0]));"
            + "client.onChange((event) => changes.push(event));"
            + "return true;";

    /** The running browser's driver, from the class's first test on. */
    ChromeDriver driver;

    private Path profile;

    /**
     * The example server as these tests use it: in cookie mode, the grace period off (the lock alone must keep
     * the tabs from reuse), with {@code env} on top.
     */
    static RunningServer cookieServer(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("REFRESH_TOKEN_COOKIE", "true");
        all.put("REUSE_GRACE_SECONDS", "0");
        return new RunningServer(all);
    }

    /** Opens {@code count} windows of the server, each with a client made with these options. */
    List<String> tabs(RunningServer server, int count, Map<String, ?> options) {
        List<String> tabs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tabs.add(openClient(server.uri("/rotor-browser.js").toString(), options));
        }
        return tabs;
    }

    /** {@link #tabs}, then logs in as alice from the first and waits until every tab has the token. */
    List<String> loggedInTabs(RunningServer server, int count, Map<String, ?> options) {
        List<String> tabs = tabs(server, count, options);
        run(tabs.get(0), "await client.login('alice', 'wonderland', 'chromium'); return true;");
        for (String tab : tabs) {
            waitFor(tab, "client.accessToken() !== null");
        }
        return tabs;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's Chromium at " + BROWSER + " and " + DRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        try {
            profile = Files.createTempDirectory("rotor-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox", // the tests run as root in CI
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
    }

    /** Opens a new window on {@code url} and returns its handle. */
    String open(String url) {
        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.get(url);
        return driver.getWindowHandle();
    }

    /** Opens {@code count} windows on {@code url}. */
    List<String> open(String url, int count) {
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pages.add(open(url));
        }
        return pages;
    }

    /** Opens {@code url} and makes its client with these options. */
    String openClient(String url, Map<String, ?> options) {
        String page = open(url);
        run(page, SETUP, options);
        return page;
    }

    /**
     * Runs an async function body in a page: its {@code return} value comes back; a rejection fails the test
     * with the error's reason.
     */
    Object run(String page, String body, Object... args) {
        driver.switchTo().window(page);
        Object outcome = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "(async function () {" + body + "}).apply(null, Array.from(arguments).slice(0, -1))"
                                + ".then((value) => done({ value: value === undefined ? null : value }),"
                                + " (error) => done({ error: String(error && (error.reason || error.message)"
                                + " || error) }));",
                        args);
        Map<?, ?> result = (Map<?, ?>) outcome;
        if (result.containsKey("error")) {
            throw new AssertionError("page script failed: " + result.get("error"));
        }
        return result.get("value");
    }

    /** Waits until a page's condition (an expression) is true, or fails after 10 s. */
    void waitFor(String page, String condition) {
        Object met = run(
                page,
                "for (let i = 0; i < 500; i++) {"
                        + "  if (" + condition + ") return true;"
                        + "  await new Promise((resolve) => setTimeout(resolve, 20));"
                        + "}"
                        + "return false;");
        if (!Boolean.TRUE.equals(met)) {
            throw new AssertionError("not met within 10 s: " + condition);
        }
    }

    /** The browser's cookie of that name, HttpOnly ones included, as the DevTools protocol shows it; or null. */
    Map<?, ?> cookie(String name) {
        List<?> cookies = (List<?>)
                driver.executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
        return cookies.stream()
                .map(cookie -> (Map<?, ?>) cookie)
                .filter(cookie -> name.equals(cookie.get("name")))
                .findFirst()
                .orElse(null);
    }

    /** Puts a cookie back as the server had set it, for tests that replay an old refresh token. */
    void restoreCookie(Map<?, ?> cookie) {
        driver.executeCdpCommand(
                "Network.setCookie",
                Map.of(
                        "name", cookie.get("name"),
                        "value", cookie.get("value"),
                        "domain", cookie.get("domain"),
                        "path", cookie.get("path"),
                        "secure", cookie.get("secure"),
                        "httpOnly", cookie.get("httpOnly"),
                        "sameSite", cookie.get("sameSite")));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        reset();
    }

    /** Closes every window but one and forgets every cookie, so the next test starts clean. */
    private void reset() {
        List<String> handles = new ArrayList<>(driver.getWindowHandles());
        for (String handle : handles.subList(1, handles.size())) {
            driver.switchTo().window(handle).close();
        }
        driver.switchTo().window(handles.get(0));
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver == null) {
            return; // the browser did not start: beforeAll has failed the class
        }
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
