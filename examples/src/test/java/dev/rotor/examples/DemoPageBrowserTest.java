package dev.rotor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.TokenEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

/** The demo page at {@code GET /}, clicked through in real Chromium. */
class DemoPageBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Test
    void logInListAndRevokeSessionsAndLogOutEverywhere() {
        try (RunningServer server = Chromium.cookieServer(Map.of())) {
            String first = chromium.open(server.uri("/").toString());
            chromium.waitFor(first, "!document.getElementById('login-box').hidden");
            click(first, "login-button");
            chromium.waitFor(first, STATUS + ".startsWith('logged in as alice on browser')");

            String second = chromium.open(server.uri("/").toString());
            chromium.waitFor(second, STATUS + ".startsWith('logged in as alice')");
            server.login("phone");

            click(second, "list");
            chromium.waitFor(second, ROWS + " === 2");
            screenshot("target/demo-page.png");
            chromium.run(
                    second,
                    "[...document.querySelectorAll('button.revoke')]"
                            + ".find((button) => button.textContent === 'Revoke').click(); return true;");
            chromium.waitFor(second, ROWS + " === 1");
            assertThat(server.events)
                    .filteredOn(event -> event.type() == TokenEvent.Type.REVOKED)
                    .hasSize(1);
            assertThat(chromium.run(second, "return document.querySelector('button.revoke').textContent;"))
                    .as("the phone's session is gone, the browser's is left")
                    .isEqualTo("Log out (this browser)");

            click(first, "logout-all");
            chromium.waitFor(first, STATUS + " === 'logged out (LOGOUT_ALL)'");
            chromium.waitFor(second, STATUS + " === 'logged out (LOGOUT_ALL)'");
            chromium.waitFor(second, "!document.getElementById('login-box').hidden");
            assertThat(chromium.cookie("refresh_token")).isNull();
        }
    }

    private static final String STATUS = "document.getElementById('status').textContent";
    private static final String ROWS = "document.querySelectorAll('#sessions tbody tr').length";

    /** What a person would see, for a look after the build. */
    private static void screenshot(String file) {
        try {
            Files.write(Path.of(file), chromium.driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void click(String page, String id) {
        chromium.driver.switchTo().window(page);
        chromium.driver.findElement(By.id(id)).click();
    }
}
