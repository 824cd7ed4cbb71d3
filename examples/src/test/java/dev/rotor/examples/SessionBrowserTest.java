package dev.rotor.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import dev.rotor.TokenEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Logging in and out across tabs, reloads, refusals and where the tokens are (not), in real Chromium. */
class SessionBrowserTest {

    private static final String LOGIN = "await client.login('alice', 'wonderland', 'chromium'); return true;";
    private static final String LAST_CHANGE = "return changes[changes.length - 1] || null;";
    private static final String ME = "return (await client.fetch('/api/v1/me')).status;";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private RunningServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private void start(Map<String, String> env) {
        server = Chromium.cookieServer(env);
    }

    private List<String> tabs(int count, Map<String, ?> options) {
        return chromium.tabs(server, count, options);
    }

    private List<String> loggedInTabs(int count) {
        return chromium.loggedInTabs(server, count, Map.of());
    }

    @Test
    void logoutInOneTabLogsOutEveryTabAndClearsTheCookie() {
        start(Map.of());
        List<String> tabs = loggedInTabs(3);

        chromium.run(tabs.get(1), "await client.logout(); return true;");

        for (String tab : tabs) {
            chromium.waitFor(tab, "client.accessToken() === null");
            assertThat(lastChange(tab)).containsEntry("type", "logout").containsEntry("reason", "LOGOUT");
        }
        assertThat(chromium.cookie("refresh_token")).isNull();
        assertThat(count(TokenEvent.Type.REVOKED)).isEqualTo(1);
        assertThatThrownBy(() -> chromium.run(tabs.get(2), ME)).hasMessageContaining("REFRESH_TOKEN_REQUIRED");
    }

    @Test
    void logoutEverywhereEndsEverySessionOfTheUserAndEveryTab() {
        start(Map.of());
        List<String> tabs = loggedInTabs(2);
        server.login("phone");

        chromium.run(tabs.get(0), "await client.logoutAll(); return true;");

        for (String tab : tabs) {
            chromium.waitFor(tab, "client.accessToken() === null");
            assertThat(lastChange(tab)).containsEntry("reason", "LOGOUT_ALL");
        }
        assertThat(chromium.cookie("refresh_token")).as("cleared").isNull();
        assertThat(server.events.stream()
                        .filter(event -> event.type() == TokenEvent.Type.REVOKED)
                        .mapToInt(TokenEvent::revokedSessions)
                        .sum())
                .as("the browser's session and the phone's")
                .isEqualTo(2);
    }

    @Test
    void aReuseRefusalLogsOutEveryTab() {
        start(Map.of());
        List<String> tabs = loggedInTabs(2);
        Map<?, ?> used = chromium.cookie("refresh_token");
        chromium.run(tabs.get(0), "await client.refresh(); return true;");
        chromium.restoreCookie(used); // as if a stale copy of the cookie came back

        assertThatThrownBy(() -> chromium.run(tabs.get(1), "await client.refresh(); return true;"))
                .hasMessageContaining("TOKEN_REUSED");

        chromium.waitFor(tabs.get(0), "client.accessToken() === null");
        assertThat(lastChange(tabs.get(0)))
                .isEqualTo(Map.of("type", "logout", "reason", "TOKEN_REUSED", "fromOtherTab", true));
        assertThat(chromium.run(tabs.get(1), "return client.accessToken();")).isNull();
        assertThat(chromium.cookie("refresh_token")).as("cleared by the server").isNull();
    }

    @Test
    void aRevokedRefusalLogsOutEveryTab() {
        start(Map.of());
        List<String> tabs = loggedInTabs(2);
        String stolen = (String) chromium.cookie("refresh_token").get("value");
        chromium.run(tabs.get(0), "await client.refresh(); return true;");
        assertThat(RunningServer.reason(server.refresh(stolen)))
                .as("the thief's replay revokes the session")
                .isEqualTo("TOKEN_REUSED");

        assertThatThrownBy(() -> chromium.run(tabs.get(1), "await client.refresh(); return true;"))
                .hasMessageContaining("TOKEN_REVOKED");

        chromium.waitFor(tabs.get(0), "client.accessToken() === null");
        assertThat(lastChange(tabs.get(0))).containsEntry("reason", "TOKEN_REVOKED");
    }

    @Test
    void aReloadKeepsTheSessionThroughTheCookie() {
        start(Map.of());
        String tab = loggedInTabs(1).get(0);

        chromium.driver.navigate().refresh();
        chromium.run(tab, Chromium.SETUP, Map.of());

        assertThat(chromium.run(tab, "return client.accessToken();"))
                .as("nothing survived in memory")
                .isNull();
        assertThat(chromium.run(tab, ME)).isEqualTo(200L);
        assertThat(lastChange(tab)).containsEntry("type", "login");
        assertThat(count(TokenEvent.Type.REFRESHED))
                .as("restored by one rotation")
                .isEqualTo(1);
    }

    /**
     * Where the page's script could find any of the strings in {@code arguments[0]}: every window property
     * (strings, and whatever {@code JSON.stringify} shows of objects), {@code document.cookie}, both storages,
     * every IndexedDB store's keys and values, every Cache Storage entry's URL and body. Returns the places.
     */
    private static final String FIND = "const secrets = arguments[0];"
            + "const has = (text) => typeof text === 'string' && secrets.some((secret) => text.includes(secret));"
            + "const found = [];"
            + "for (const name of Object.getOwnPropertyNames(window)) {"
            + "  let value; try { value = window[name]; } catch { continue; }"
            + "  if (typeof value === 'function') continue;"
            + "  let text = typeof value === 'string' ? value : undefined;"
            + "  try { text = text ?? JSON.stringify(value); } catch {}"
            + "  if (has(text)) found.push('window.' + name);"
            + "}"
            + "if (has(document.cookie)) found.push('document.cookie');"
            + "for (const [area, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]]) {"
            + "  for (const key of Object.keys(storage)) if (has(key + storage.getItem(key))) found.push(area);"
            + "}"
            + "for (const { name } of await indexedDB.databases()) {"
            + "  const db = await new Promise((resolve, reject) => {"
            + "    const open = indexedDB.open(name); open.onsuccess = () => resolve(open.result);"
            + "    open.onerror = () => reject(open.error); });"
            + "  for (const store of Array.from(db.objectStoreNames)) {"
            + "    const all = (request) => new Promise((resolve) => { request.onsuccess = () => resolve(request.result); });"
            + "    const os = db.transaction(store).objectStore(store);"
            + "    const [keys, values] = [await all(os.getAllKeys()), await all(os.getAll())];"
            + "    if (has(JSON.stringify(keys) + JSON.stringify(values))) found.push('indexedDB ' + name);"
            + "  }"
            + "  db.close();"
            + "}"
            + "for (const name of await caches.keys()) {"
            + "  const cache = await caches.open(name);"
            + "  for (const request of await cache.keys()) {"
            + "    if (has(request.url + await (await cache.match(request)).text())) found.push('caches ' + name);"
            + "  }"
            + "}"
            + "return found;";

    /**
     * The refresh token is never readable by page script, and the access token is in no storage and no global.
     * By design the access token is given to same-origin script: {@code client.accessToken()} returns it, and
     * any page of the origin can listen on the client's BroadcastChannel. The probe is shown to work: once the
     * access token is planted in each place it looks, it finds each.
     */
    @Test
    void noTokenIsReadableFromPageScriptCookiesOrStorage() {
        start(Map.of());
        List<String> tabs = loggedInTabs(2);
        chromium.run(tabs.get(1), "await client.refresh(); return true;");
        Map<?, ?> cookie = chromium.cookie("refresh_token");
        assertThat(List.of(cookie.get("httpOnly"), cookie.get("secure"))).containsExactly(true, true);

        for (String tab : tabs) {
            List<Object> secrets = List.of(cookie.get("value"), chromium.run(tab, "return client.accessToken();"));
            assertThat(chromium.run(tab, FIND, secrets))
                    .as("where page script sees a token")
                    .isEqualTo(List.of());
        }

        String tab = tabs.get(0);
        Object planted = chromium.run(
                tab,
                "const token = client.accessToken();"
                        + "window.planted = { nested: [token] };"
                        + "document.cookie = 'planted=' + token + '; path=/';"
                        + "localStorage.setItem('planted', token); sessionStorage.setItem('planted', token);"
                        + "await new Promise((resolve) => {"
                        + "  const open = indexedDB.open('planted');"
                        + "  open.onupgradeneeded = () => open.result.createObjectStore('tokens');"
                        + "  open.onsuccess = () => {"
                        + "    const write = open.result.transaction('tokens', 'readwrite');"
                        + "    write.objectStore('tokens').put({ token }, 1);"
                        + "    write.oncomplete = () => { open.result.close(); resolve(); };"
                        + "  };"
                        + "});"
                        + "await (await caches.open('planted')).put('/planted', new Response(token));"
                        + "return true;");
        assertThat(planted).isEqualTo(true);
        assertThat(chromium.run(tab, FIND, List.of(chromium.run(tab, "return client.accessToken();"))))
                .as("the probe finds a token wherever it is (the storages' items also show as window properties)")
                .asInstanceOf(LIST)
                .containsExactlyInAnyOrder(
                        "window.planted",
                        "window.localStorage",
                        "window.sessionStorage",
                        "document.cookie",
                        "localStorage",
                        "sessionStorage",
                        "indexedDB planted",
                        "caches planted");
        chromium.run(
                tab,
                "localStorage.clear(); sessionStorage.clear(); await caches.delete('planted');"
                        + "await new Promise((resolve) => { indexedDB.deleteDatabase('planted').onsuccess = resolve; });"
                        + "return true;");
    }

    @Test
    void anotherSiteCannotRotateOrLogOutThroughTheCookie() {
        start(Map.of());
        String tab = loggedInTabs(1).get(0);
        String cookie = (String) chromium.cookie("refresh_token").get("value");
        String target = server.uri("/api/v1/auth/").toString();
        // localhost and 127.0.0.1 are different sites: the cookie is SameSite=Strict, the content type must be JSON
        String other = chromium.open(target.replace("127.0.0.1", "localhost") + "sessions");

        Object outcome = chromium.run(
                other,
                "const post = (path) => new Promise((resolve) => {"
                        + "  const frame = document.createElement('iframe');"
                        + "  frame.name = path; frame.onload = () => resolve(path);"
                        + "  document.body.append(frame);"
                        + "  const form = document.createElement('form');"
                        + "  form.method = 'POST'; form.enctype = 'text/plain'; form.target = path;"
                        + "  form.action = arguments[0] + path;"
                        + "  document.body.append(form); form.submit();"
                        + "});"
                        + "const forms = await Promise.all([post('refresh'), post('logout')]);"
                        + "const fetched = await fetch(arguments[0] + 'refresh', { method: 'POST',"
                        + "  credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' })"
                        + "  .then((response) => response.status, (error) => error.name);"
                        + "return forms.concat(fetched);",
                target);

        assertThat(outcome)
                .as("both forms were answered; the JSON request failed its CORS preflight")
                .isEqualTo(List.of("refresh", "logout", "TypeError"));
        assertThat(count(TokenEvent.Type.REFRESHED)).isZero();
        assertThat(count(TokenEvent.Type.REVOKED)).isZero();
        assertThat(chromium.cookie("refresh_token").get("value")).isEqualTo(cookie);
        chromium.run(tab, "await client.refresh(); return true;");
        assertThat(count(TokenEvent.Type.REFRESHED))
                .as("the session still rotates")
                .isEqualTo(1);
    }

    @Test
    void aRequestRefusedAsExpiredIsRefreshedOnceAndSentAgain() {
        // 2 s, not 1: the server counts whole seconds from the rotation's second, so a 1 s token can be dead on
        // arrival
        start(Map.of("ACCESS_TTL_SECONDS", "2"));
        String tab = tabs(1, Map.of("autoRefresh", false)).get(0);
        chromium.run(tab, LOGIN);
        // The server's token expires while this page's clock, 5 s behind, still thinks it good: it sends it.
        chromium.run(
                tab,
                "await new Promise((resolve) => setTimeout(resolve, 3100));"
                        + "const real = Date.now; Date.now = () => real() - 5000; return true;");
        Object before = chromium.run(tab, "return client.accessToken();");

        assertThat(chromium.run(tab, ME)).isEqualTo(200L);

        assertThat(count(TokenEvent.Type.REFRESHED)).isEqualTo(1);
        assertThat(chromium.run(tab, "return client.accessToken();")).isNotEqualTo(before);
    }

    @Test
    void tabsRefreshAheadOfExpiryOneAtATime() {
        start(Map.of("ACCESS_TTL_SECONDS", "3"));
        List<String> tabs = loggedInTabs(3);

        chromium.run(tabs.get(0), "await new Promise((resolve) => setTimeout(resolve, 5000)); return true;");

        assertThat(count(TokenEvent.Type.REUSE_DETECTED)).isZero();
        assertThat(count(TokenEvent.Type.REFRESHED))
                .as("a token lasts 3 s: renewed")
                .isGreaterThanOrEqualTo(2);
        assertThat(gaps())
                .as("one tab renews, 0.75 to 1.5 s after the last renewal; the others take its token")
                .allSatisfy(gap -> assertThat(gap).isGreaterThan(250L));
        for (String tab : tabs) {
            assertThat(chromium.run(tab, "return changes.filter((event) => event.type === 'refresh').length;"))
                    .as("this tab's token was renewed")
                    .isNotEqualTo(0L);
            assertThat(chromium.run(tab, ME)).isEqualTo(200L);
        }
    }

    @Test
    void aLockTimeoutThatALiveTabCanOutlastIsRefused() {
        start(Map.of());
        String tab = chromium.open(server.uri("/rotor-browser.js").toString());
        String create = "const { createClient } = await import(location.origin + '/rotor-browser.js');"
                + "try { createClient(Object.assign({ baseUrl: location.origin }, arguments[0])); return 'made'; }"
                + "catch (error) { return error.name + ': ' + error.message; }";

        // two 10 s requests and the 1 s hand-over wait: 21 s, and the lock queries on top
        assertThat(chromium.run(tab, create, Map.of("requestTimeoutMs", 10_000, "lockTimeoutMs", 21_500)))
                .isEqualTo("TypeError: rotor-browser: lockTimeoutMs must be more than 2 × requestTimeoutMs + 2000 ms"
                        + " (a live tab holds the lock for up to two requests, a 1000 ms hand-over wait and its lock"
                        + " queries): set it above 22000");
        assertThat(chromium.run(tab, create, Map.of("requestTimeoutMs", 10_000, "lockTimeoutMs", 22_001)))
                .isEqualTo("made");
    }

    @Test
    void withoutWebLocksTheClientIsRefusedUnlessThePageAcceptsUnlockedRefreshes() {
        start(Map.of());
        String tab = chromium.open(server.uri("/rotor-browser.js").toString());
        String create = "Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });"
                + "const { createClient } = await import(location.origin + '/rotor-browser.js');"
                + "try { window.client = createClient(Object.assign({ baseUrl: location.origin }, arguments[0]));"
                + "  return 'made'; }"
                + "catch (error) { return error.name + ': ' + error.message; }";

        assertThat(chromium.run(tab, create, Map.of()))
                .isEqualTo("TypeError: rotor-browser: this page has no Web Locks (navigator.locks needs a secure"
                        + " context), so tabs could refresh at once and be logged out for reuse: serve it over HTTPS"
                        + " or from localhost, or pass allowUnlockedRefresh: true to accept that");
        assertThat(chromium.run(tab, create, Map.of("allowUnlockedRefresh", true)))
                .isEqualTo("made");
        chromium.run(tab, LOGIN);
        chromium.run(tab, "await client.refresh(); return true;");
        assertThat(chromium.run(tab, ME)).isEqualTo(200L);
    }

    @Test
    void malformedChannelMessagesAreIgnoredAndWedgeNoTab() {
        start(Map.of());
        List<String> tabs = loggedInTabs(3);
        Object token = chromium.run(tabs.get(0), "return client.accessToken();");

        chromium.run(
                tabs.get(0),
                "const channel = new BroadcastChannel('rotor-browser ' + location.origin + '/');"
                        + "const now = Date.now(), hour = 3600 * 1000;"
                        + "const token = (fields) => Object.assign({ t: 'token', kind: 'refresh', accessToken: 'forged',"
                        + "  stamp: now, expiresAt: now + 60000, lifetimeMs: 60000 }, fields);"
                        + "for (const message of [null, 42, 'ask', [], { t: 'token' }, { t: 'logout' },"
                        + "  token({ stamp: NaN }), token({ stamp: Infinity }), token({ stamp: 1e300 }),"
                        + "  token({ stamp: now + hour }), token({ stamp: '9' + now }), token({ stamp: -1 }),"
                        + "  token({ expiresAt: NaN }), token({ expiresAt: 1e300 }), token({ expiresAt: now + hour }),"
                        + "  token({ lifetimeMs: 1e300, expiresAt: now + 1e299 }), token({ lifetimeMs: NaN }),"
                        + "  token({ lifetimeMs: -5 }), token({ accessToken: { length: 1 } }),"
                        + "  token({ accessToken: 'bad\\nheader' }), token({ accessToken: 'x'.repeat(100000) }),"
                        + "  { t: 'logout', reason: 'LOGOUT', stamp: NaN }, { t: 'logout', reason: 'LOGOUT', stamp: 1e300 },"
                        + "  { t: 'logout', reason: 'LOGOUT', stamp: now + hour }, { t: 'logout', reason: 42, stamp: now },"
                        + "  { t: 'logout', reason: 'x'.repeat(100000), stamp: now }]) {"
                        + "  channel.postMessage(message);"
                        + "}"
                        + "navigator.locks.request('rotor-browser ' + location.origin + '/ #1e300 1e300',"
                        + "  { mode: 'shared' }, () => new Promise(() => {}));"
                        + "await new Promise((resolve) => setTimeout(resolve, 500)); return true;");

        for (String tab : tabs) {
            assertThat(chromium.run(tab, "return client.accessToken() === arguments[0];", token))
                    .as("kept its token")
                    .isEqualTo(true);
            assertThat(chromium.run(tab, "return changes.length;"))
                    .as("no change from a bad message")
                    .isEqualTo(1L);
        }
        chromium.run(tabs.get(1), "await client.refresh(); return true;");
        Object fresh = chromium.run(tabs.get(1), "return client.accessToken();");
        assertThat(fresh.equals(token)).as("refreshed").isFalse();
        for (String tab : tabs) {
            chromium.run(tab, "window.fresh = arguments[0]; return true;", fresh);
            chromium.waitFor(tab, "client.accessToken() === window.fresh");
            assertThat(chromium.run(tab, ME)).isEqualTo(200L);
        }
        chromium.run(tabs.get(2), "await client.logout(); return true;");
        for (String tab : tabs) {
            chromium.waitFor(tab, "client.accessToken() === null");
        }
        assertThat(count(TokenEvent.Type.REUSE_DETECTED)).isZero();
    }

    @Test
    void requestsWithTheTokenDoNotFollowRedirectsUnlessTheCallerSaysSo() {
        start(Map.of());
        String tab = loggedInTabs(1).get(0);

        Object modes = chromium.run(
                tab,
                "const real = window.fetch, seen = [];"
                        + "window.fetch = (request, init) => {"
                        + "  if (request instanceof Request && request.headers.has('Authorization')) seen.push(request.redirect);"
                        + "  return real(request, init);"
                        + "};"
                        + "try {"
                        + "  const statuses = [await client.fetch('/api/v1/me'),"
                        + "    await client.fetch('/api/v1/me', { method: 'GET' }),"
                        + "    await client.fetch('/api/v1/me', { redirect: 'follow' }),"
                        + "    await client.fetch(new Request(location.origin + '/api/v1/me', { redirect: 'error' }))]"
                        + "    .map((response) => response.status);"
                        + "  return { seen, statuses };"
                        + "} finally { window.fetch = real; }");

        assertThat(modes)
                .isEqualTo(Map.of(
                        "seen",
                        List.of("manual", "manual", "follow", "error"),
                        "statuses",
                        List.of(200L, 200L, 200L, 200L)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lastChange(String tab) {
        return (Map<String, Object>) chromium.run(tab, LAST_CHANGE);
    }

    /**
     * Milliseconds between one rotation and the next, as the server saw them. (Not from the login: a slow
     * login reply can leave its token little time, as its lifetime counts from when the request was sent.)
     */
    private List<Long> gaps() {
        List<Instant> times = server.events.stream()
                .filter(event -> event.type() == TokenEvent.Type.REFRESHED)
                .map(TokenEvent::time)
                .toList();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(Duration.between(times.get(i - 1), times.get(i)).toMillis());
        }
        return gaps;
    }

    private long count(TokenEvent.Type type) {
        return server.events.stream().filter(event -> event.type() == type).count();
    }
}
