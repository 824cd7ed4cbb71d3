package dev.rotor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rotor.TokenEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many tabs of one origin refreshing at the same moment, in real Chromium, against the example server in
 * cookie mode with the grace period off: the cross-tab lock is what keeps the server from seeing reuse.
 */
class MultiTabRefreshBrowserTest {

    private static final int TABS = 8;
    private static final int AT_ONCE = 50;
    private static final int ROUNDS = 10;

    /**
     * Each tab waits for one "go" on a channel of its own, then forces {@code AT_ONCE} refreshes at once,
     * {@code ROUNDS} times; it resolves with the reasons of the refreshes that failed.
     */
    private static final String ARM = "window.race = new Promise((resolve) => {"
            + "  const go = new BroadcastChannel('test-go');"
            + "  go.onmessage = async () => {"
            + "    const failures = [];"
            + "    for (let round = 0; round < arguments[1]; round++) {"
            + "      const all = Array.from({ length: arguments[0] }, () => client.refresh());"
            + "      for (const result of await Promise.allSettled(all)) {"
            + "        if (result.status === 'rejected') failures.push(result.reason.reason || String(result.reason));"
            + "      }"
            + "    }"
            + "    resolve(failures);"
            + "  };"
            + "});"
            + "return true;";

    /** After the race: the failures, how many logouts the tab saw, and the status of a call with its token. */
    private static final String OUTCOME = "const failures = await window.race;"
            + "const me = await client.fetch('/api/v1/me').then((response) => response.status,"
            + "  (error) => error.reason);"
            + "return { failures: failures.length, firstFailure: failures[0] || null,"
            + "  logouts: changes.filter((event) => event.type === 'logout').length, me,"
            + "  hasToken: client.accessToken() !== null };";

    /** Holds the client's lock forever, as a tab that hangs would. */
    private static final String HANG = "navigator.locks.request('rotor-browser ' + location.origin + '/',"
            + " () => new Promise(() => {})); return true;";

    /**
     * Makes the tab's next look for another tab's token (its lock query from {@code #tokenOfAnotherTab}) wait,
     * once its snapshot is taken, until {@code window.resumeLookup()}, and records whether that snapshot held the
     * marker of stamp {@code arguments[0]}; then starts a refresh in {@code window.refreshed}. Other lock queries
     * pass through.
     */
    private static final String STALL_LOOKUP = "const query = navigator.locks.query.bind(navigator.locks);"
            + "const marker = ' #' + arguments[0] + ' ';"
            + "let resume; const resumed = new Promise((resolve) => { resume = resolve; });"
            + "window.resumeLookup = resume;"
            + "navigator.locks.query = async () => {"
            + "  const lookingForAToken = new Error().stack.includes('tokenOfAnotherTab');"
            + "  const snapshot = await query();"
            + "  if (lookingForAToken) {"
            + "    window.markerSeen = snapshot.held.some((lock) => lock.name.includes(marker));"
            + "    window.lookingUp = true;"
            + "    await resumed;"
            + "  }"
            + "  return snapshot;"
            + "};"
            + "window.refreshed = client.refresh().then(() => 'refreshed',"
            + "  (error) => String(error.reason || error.name));"
            + "return true;";

    /**
     * Holds a marker lock of a token newer than this tab's, as a tab that just rotated does, once it is granted;
     * returns its stamp.
     */
    private static final String MARK_NEWER_TOKEN = "window.stamp = Date.now();"
            + "await new Promise((granted) => navigator.locks.request('rotor-browser ' + location.origin + '/ #'"
            + "  + window.stamp + ' ' + (Date.now() + 890000), { mode: 'shared' },"
            + "  () => { granted(); return new Promise(() => {}); }));"
            + "return window.stamp;";

    /** A lock timeout of 3.5 s, so that a test of a hung holder is quick. */
    private static final Map<String, Object> SHORT_TIMEOUTS = Map.of("lockTimeoutMs", 3500, "requestTimeoutMs", 500);

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private RunningServer server;

    @BeforeEach
    void startServer() {
        server = Chromium.cookieServer(Map.of());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void eightTabsForcingRefreshesAtOnceNeverTriggerReuse() {
        List<String> tabs = loggedInTabs(Map.of());

        List<Map<?, ?>> outcomes = race(tabs);

        assertThat(count(TokenEvent.Type.REUSE_DETECTED))
                .as("reuse seen by the server")
                .isZero();
        assertThat(count(TokenEvent.Type.REFRESHED))
                .as("rotations: a tab whose turn comes after another's refresh takes that token")
                .isBetween(1L, (long) TABS * ROUNDS / 2);
        for (Map<?, ?> outcome : outcomes) {
            assertThat(outcome.get("failures"))
                    .as("failed refreshes: %s", outcome)
                    .isEqualTo(0L);
            assertThat(outcome.get("logouts")).as("logouts: %s", outcome).isEqualTo(0L);
            assertThat(outcome.get("me"))
                    .as("a call with the tab's token: %s", outcome)
                    .isEqualTo(200L);
        }
        System.out.printf(
                "%d tabs x %d rounds of %d refreshes at once: %d rotations on the server, no reuse%n",
                TABS, ROUNDS, AT_ONCE, count(TokenEvent.Type.REFRESHED));
    }

    @Test
    void withoutTheLockTheSameRaceIsSeenAsReuse() {
        List<String> tabs = loggedInTabs(Map.of("testOnlyWithoutLock", true));

        List<Map<?, ?>> outcomes = race(tabs);

        assertThat(count(TokenEvent.Type.REUSE_DETECTED))
                .as("the control: without the lock, tabs present one cookie at once")
                .isPositive();
        assertThat(outcomes)
                .anySatisfy(outcome -> assertThat(outcome.get("logouts")).isNotEqualTo(0L));
    }

    @Test
    void aTabOpenedLaterGetsTheTokenFromAnotherTabWithoutARotation() {
        List<String> tabs = loggedInTabs(Map.of());
        chromium.run(tabs.get(0), "await client.refresh(); return true;");
        long rotations = count(TokenEvent.Type.REFRESHED);

        String later = chromium.openClient(server.uri("/rotor-browser.js").toString(), Map.of());
        Object status = chromium.run(later, "return (await client.fetch('/api/v1/me')).status;");

        assertThat(status).isEqualTo(200L);
        assertThat(count(TokenEvent.Type.REFRESHED)).as("no second rotation").isEqualTo(rotations);
        assertThat(chromium.run(later, "return changes[0];")).isEqualTo(Map.of("type", "login", "fromOtherTab", true));
    }

    @Test
    void behindAHungHolderOnlyOneTabStealsTheLockAndNoneReusesTheCookie() {
        List<String> tabs = loggedInTabs(SHORT_TIMEOUTS);
        chromium.run(tabs.get(0), HANG);
        List<String> waiting = tabs.subList(1, TABS);
        for (String tab : waiting) {
            chromium.run(
                    tab,
                    "window.outcome = new Promise((resolve) => {"
                            + "  new BroadcastChannel('test-go').onmessage = () => {"
                            + "    const start = Date.now();"
                            + "    client.refresh().then(() => resolve(Date.now() - start),"
                            + "      (error) => resolve(String(error.reason || error.name)));"
                            + "  };"
                            + "}); return true;");
        }
        chromium.run(tabs.get(0), "new BroadcastChannel('test-go').postMessage('go'); return true;");

        for (String tab : waiting) {
            Object outcome = chromium.run(tab, "return await window.outcome;");
            assertThat(outcome)
                    .as("the refresh resolved after the lock timeout")
                    .isInstanceOf(Long.class);
            assertThat((Long) outcome).isBetween(3400L, 20_000L);
        }
        assertThat(count(TokenEvent.Type.REUSE_DETECTED))
                .as("reuse seen by the server")
                .isZero();
        assertThat(count(TokenEvent.Type.REFRESHED))
                .as("one tab stole and rotated, the rest took its token")
                .isEqualTo(1);
        for (String tab : waiting) {
            assertThat(chromium.run(tab, "return (await client.fetch('/api/v1/me')).status;"))
                    .isEqualTo(200L);
            assertThat(chromium.run(tab, "return changes.filter((event) => event.type === 'logout').length;"))
                    .isEqualTo(0L);
        }
    }

    @Test
    void aTokenThatArrivesWhileATabLooksForItIsTakenWithoutARotation() {
        List<String> tabs = chromium.loggedInTabs(server, 2, Map.of());
        String rotated = tabs.get(0);
        String looking = tabs.get(1);

        Object outcome = refreshWhileItLooks(
                looking,
                rotated,
                "{ t: 'token', kind: 'refresh', accessToken: client.accessToken(), expiresAt: Date.now() + 890000,"
                        + " lifetimeMs: 900000, stamp: window.stamp }");

        assertThat(outcome).isEqualTo("refreshed");
        assertThat(count(TokenEvent.Type.REFRESHED))
                .as("rotations: the token that arrived was taken")
                .isZero();
        assertThat(chromium.run(looking, "return client.accessToken();"))
                .isEqualTo(chromium.run(rotated, "return client.accessToken();"));
        assertThat(chromium.run(looking, "return (await client.fetch('/api/v1/me')).status;"))
                .isEqualTo(200L);
    }

    @Test
    void aLogoutThatArrivesWhileATabLooksForATokenIsNotUndoneByARotation() {
        List<String> tabs = chromium.loggedInTabs(server, 2, Map.of());
        String other = tabs.get(0);
        String looking = tabs.get(1);

        Object outcome =
                refreshWhileItLooks(looking, other, "{ t: 'logout', reason: 'TOKEN_REVOKED', stamp: window.stamp }");

        assertThat(outcome).isEqualTo("TOKEN_REVOKED");
        assertThat(count(TokenEvent.Type.REFRESHED))
                .as("rotations after the logout")
                .isZero();
        assertThat(chromium.run(looking, "return client.accessToken();")).isNull();
    }

    @Test
    void aStealThatIsStolenInTurnStillGivesTheCallerTheRefreshsOutcome() {
        List<String> tabs = loggedInTabs(SHORT_TIMEOUTS);
        chromium.run(tabs.get(0), HANG);

        Object outcome = chromium.run(
                tabs.get(1),
                "const name = 'rotor-browser ' + location.origin + '/';"
                        + "const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));"
                        + "const holder = async () => ((await navigator.locks.query()).held"
                        + "  .find((lock) => lock.name === name) || {}).clientId;"
                        + "const hung = await holder();"
                        + "const real = window.fetch;"
                        + "window.fetch = async (...args) => { await sleep(300); return real(...args); };"
                        + "const refreshed = client.refresh().then(() => 'refreshed',"
                        + "  (error) => error.name + ' ' + (error.reason || ''));"
                        + "while ((await holder()) === hung) await sleep(20);"
                        + "navigator.locks.request(name, { steal: true }, () => sleep(50));"
                        + "const result = await refreshed; window.fetch = real; return result;");

        assertThat(outcome).as("not the lock manager's AbortError").isEqualTo("refreshed");
        assertThat(chromium.run(tabs.get(1), "return (await client.fetch('/api/v1/me')).status;"))
                .isEqualTo(200L);
    }

    @Test
    void aTabClosedWhileHoldingTheLockDoesNotHangTheOthers() {
        List<String> tabs = loggedInTabs(Map.of());
        chromium.run(
                tabs.get(0),
                "navigator.locks.request('rotor-browser ' + location.origin + '/',"
                        + " () => new Promise(() => {})); return true;");
        chromium.run(
                tabs.get(1),
                "window.start = Date.now(); window.done = client.refresh()"
                        + ".then(() => Date.now() - start); return true;");
        Object pending = chromium.run(
                tabs.get(1),
                "return (await navigator.locks.query()).pending"
                        + ".filter((lock) => lock.name === 'rotor-browser ' + location.origin + '/').length;");
        assertThat(pending).as("the refresh waits for the held lock").isEqualTo(1L);

        chromium.driver.switchTo().window(tabs.get(0)).close();
        Object elapsed = chromium.run(tabs.get(1), "return await window.done;");

        assertThat(((Number) elapsed).longValue())
                .as("far below the 30 s lock timeout")
                .isLessThan(10_000L);
        assertThat(count(TokenEvent.Type.REUSE_DETECTED)).isZero();
    }

    /**
     * Marks a newer token in {@code other}; starts a refresh in {@code looking} and holds it once it has seen that
     * marker while looking for another tab's token; broadcasts {@code message} (a JavaScript object, whose {@code
     * window.stamp} is the marker's) from {@code other}, waits until {@code looking} has taken it, and lets the
     * refresh go on.
     *
     * @return {@code "refreshed"}, or the reason the refresh failed with
     */
    private Object refreshWhileItLooks(String looking, String other, String message) {
        Object stamp = chromium.run(other, MARK_NEWER_TOKEN);
        chromium.run(looking, STALL_LOOKUP, stamp);
        chromium.waitFor(looking, "window.lookingUp === true");
        assertThat(chromium.run(looking, "return window.markerSeen;"))
                .as("the lookup saw the newer token's marker")
                .isEqualTo(true);
        chromium.run(
                other,
                "new BroadcastChannel('rotor-browser ' + location.origin + '/').postMessage(" + message + ");"
                        + " return true;");
        chromium.waitFor(looking, "changes.length === 2");
        chromium.run(looking, "window.resumeLookup(); return true;");
        return chromium.run(looking, "return await window.refreshed;");
    }

    /** {@code TABS} logged-in tabs. */
    private List<String> loggedInTabs(Map<String, ?> options) {
        return chromium.loggedInTabs(server, TABS, options);
    }

    /** Arms every tab, sends one "go" that all receive at once, and collects each tab's outcome. */
    private List<Map<?, ?>> race(List<String> tabs) {
        for (String tab : tabs) {
            chromium.run(tab, ARM, AT_ONCE, ROUNDS);
        }
        chromium.run(tabs.get(0), "new BroadcastChannel('test-go').postMessage('go'); return true;");
        List<Map<?, ?>> outcomes = new ArrayList<>();
        for (String tab : tabs) {
            outcomes.add((Map<?, ?>) chromium.run(tab, OUTCOME));
        }
        return outcomes;
    }

    private long count(TokenEvent.Type type) {
        return server.events.stream().filter(event -> event.type() == type).count();
    }
}
