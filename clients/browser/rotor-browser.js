// rotor-browser: a browser client for a Rotor server that keeps the refresh token in an HttpOnly cookie.
// One refresh at a time across every tab of the origin (Web Locks), the new access token handed to the
// other tabs (BroadcastChannel), the access token only in memory. No dependencies, no build step.

/**
 * @typedef {object} ClientOptions
 * @property {string | URL} baseUrl the server's root URL, such as `location.origin`; the bearer token is
 *     added only to requests under it
 * @property {number} [refreshAheadMs=60000] how long before the access token expires to refresh it (at most
 *     half its lifetime)
 * @property {number} [jitterMs=5000] up to this much earlier still, at random, so tabs don't all wake at once
 *     (at most a quarter of the lifetime)
 * @property {number} [requestTimeoutMs=10000] how long one request to the server may take
 * @property {number} [lockTimeoutMs=30000] how long one tab may hold the lock before a waiting tab takes it from
 *     it (a holder that hangs); more than 2 × `requestTimeoutMs` + 2000: a live tab holds it for up to two
 *     requests, a 1 s hand-over wait and its lock queries
 * @property {number} [peerWaitMs=250] how long a tab without a token waits for another tab to hand it one
 *     before it refreshes itself
 * @property {boolean} [autoRefresh=true] refresh ahead of expiry; `false`: only when the server answers
 *     `TOKEN_EXPIRED` or `refresh()` is called
 * @property {boolean} [allowUnlockedRefresh=false] where the browser has no Web Locks (`navigator.locks`, missing
 *     outside a secure context), refresh without the cross-tab lock instead of refusing to make the client:
 *     tabs can then rotate at once and be logged out for reuse
 * @property {boolean} [testOnlyWithoutLock=false] TEST ONLY, UNSAFE IN AN APPLICATION: skips the cross-tab
 *     lock, so tabs rotate one refresh token at once and the server logs the user out everywhere for reuse. It
 *     exists only for the control test that shows the reuse the lock prevents; never set it in a page.
 */

/**
 * What changed: `login` (this tab now has a token, from a login, another tab or the cookie), `refresh` (a new
 * token replaced the old one) or `logout` (no token any more), with the reason: `LOGOUT`, `LOGOUT_ALL`, or
 * the server's refusal such as `TOKEN_REUSED`, `TOKEN_REVOKED`, `TOKEN_EXPIRED`, `REFRESH_TOKEN_REQUIRED`.
 *
 * @typedef {object} ChangeEvent
 * @property {'login' | 'refresh' | 'logout'} type
 * @property {string} [reason] why, for `logout`
 * @property {boolean} fromOtherTab whether another tab made the change
 */

/** A refusal or failure, with the server's reason (`TOKEN_REUSED`, ...) or `NETWORK_ERROR` / `TIMEOUT`. */
export class RotorError extends Error {
    /**
     * @param {string} reason the server's reason, or `NETWORK_ERROR`, `TIMEOUT`, `FOREIGN_URL`, `LOCK_FAILED`,
     *     `HTTP_<status>`
     * @param {number} status the HTTP status, 0 when there was no answer
     * @param {string} message the server's message, or what went wrong
     */
    constructor(reason, status, message) {
        super(message);
        this.name = 'RotorError';
        /** @type {string} */
        this.reason = reason;
        /** @type {number} */
        this.status = status;
    }
}

/** Refresh refusals after which the cookie's token is dead for every tab: each tab is logged out. */
const DEAD_SESSION = new Set(['TOKEN_REUSED', 'TOKEN_REVOKED', 'TOKEN_EXPIRED', 'TOKEN_INVALID', 'USER_NOT_FOUND']);
/** An access token closer to its expiry than this is not worth sending. */
const MIN_USABLE_MS = 1000;
const RETRY_MS = 5000;
/** How long a tab waits for a token that another tab minted (its marker says so) before rotating itself. */
const HANDOVER_WAIT_MS = 1000;
/** What lockTimeoutMs must leave beyond two requests and the hand-over wait: lock queries, the marker lock. */
const LOCK_MARGIN_MS = 1000;
const MAX_TIMER_MS = 2_147_483_647;
/** How far ahead of this tab's clock another tab's stamp may be (stamps step past the clock by 1 ms at most per change). */
const STAMP_SLACK_MS = 5000;
/** The longest access-token lifetime a message may claim. */
const MAX_LIFETIME_MS = 24 * 60 * 60 * 1000;
const MAX_TOKEN_CHARS = 16 * 1024;
/** What an access token (a JWT) is made of: printable ASCII, so that it can go in a header. */
const TOKEN = /^[\x21-\x7e]+$/;
/** A reason as the server and this module write them. */
const REASON = /^[A-Z][A-Z0-9_]{0,63}$/;
/** What #stealFromHungHolder answers when this tab got the lock without stealing it. */
const NOT_STOLEN = Symbol('not stolen');

/**
 * Creates a client for one Rotor server. Create one per page (tab); the tabs find each other by `baseUrl`.
 *
 * @param {ClientOptions} options
 * @returns {RotorClient}
 * @throws {TypeError} if an option is missing or out of range, or the browser has no Web Locks and
 *     `allowUnlockedRefresh` is not set
 */
export function createClient(options) {
    return new RotorClient(options);
}

/** A client of one Rotor server, shared by every tab of the origin. Made by {@link createClient}. */
class RotorClient {
    /** @type {{accessToken: string, expiresAt: number, lifetimeMs: number, stamp: number} | null} */
    #session = null;
    /** Highest stamp seen: a message older than the latest change is ignored. */
    #epoch = 0;
    /** @type {RotorError | null} */
    #lastLogout = null;
    /** @type {Promise<any> | null} */
    #inflight = null;
    /** @type {Set<(event: ChangeEvent) => void>} */
    #listeners = new Set();
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    #timer;
    /** @type {BroadcastChannel | null} */
    #channel = null;
    /** @type {Promise<void>} */
    #peersAsked;
    /** @type {() => void} */
    #peerAnswered = () => {};
    /** Releases the marker lock that tells the other tabs about this tab's latest token. */
    /** @type {(() => void) | null} */
    #releaseMark = null;
    /** @type {Set<{stamp: number, resolve: (session: any) => void}>} */
    #tokenWaiters = new Set();
    #base;
    #lockName;
    #o;

    /** @param {ClientOptions} options */
    constructor(options) {
        if (!options || !options.baseUrl) {
            throw new TypeError('rotor-browser: createClient({ baseUrl }) needs baseUrl, such as location.origin');
        }
        const base = new URL(String(options.baseUrl));
        base.pathname = base.pathname.endsWith('/') ? base.pathname : base.pathname + '/';
        base.search = '';
        base.hash = '';
        this.#base = base;
        this.#o = {
            refreshAheadMs: number(options, 'refreshAheadMs', 60_000, 0),
            jitterMs: number(options, 'jitterMs', 5_000, 0),
            requestTimeoutMs: number(options, 'requestTimeoutMs', 10_000, 1),
            lockTimeoutMs: number(options, 'lockTimeoutMs', 30_000, 1),
            peerWaitMs: number(options, 'peerWaitMs', 250, 0),
            autoRefresh: options.autoRefresh !== false,
            withoutLock: options.testOnlyWithoutLock === true,
        };
        const longestHoldMs = 2 * this.#o.requestTimeoutMs + HANDOVER_WAIT_MS + LOCK_MARGIN_MS;
        if (this.#o.lockTimeoutMs <= longestHoldMs) {
            throw new TypeError('rotor-browser: lockTimeoutMs must be more than 2 × requestTimeoutMs + '
                + (HANDOVER_WAIT_MS + LOCK_MARGIN_MS) + ' ms (a live tab holds the lock for up to two requests, a '
                + HANDOVER_WAIT_MS + ' ms hand-over wait and its lock queries): set it above ' + longestHoldMs);
        }
        if (!this.#o.withoutLock && !(globalThis.navigator && navigator.locks) && options.allowUnlockedRefresh !== true) {
            throw new TypeError('rotor-browser: this page has no Web Locks (navigator.locks needs a secure context),'
                + ' so tabs could refresh at once and be logged out for reuse: serve it over HTTPS or from localhost,'
                + ' or pass allowUnlockedRefresh: true to accept that');
        }
        this.#lockName = 'rotor-browser ' + base.href;
        if (typeof BroadcastChannel === 'function') {
            this.#channel = new BroadcastChannel(this.#lockName);
            this.#channel.onmessage = (event) => this.#onMessage(event.data);
            this.#peersAsked = new Promise((resolve) => {
                this.#peerAnswered = resolve;
                setTimeout(resolve, this.#o.peerWaitMs);
            });
            this.#channel.postMessage({ t: 'ask' });
        } else {
            this.#peersAsked = Promise.resolve();
        }
    }

    /**
     * Logs in; every tab of the origin gets the new access token. The server sets the refresh-token cookie.
     *
     * @param {string} username
     * @param {string} password
     * @param {string} [deviceId] names the session in the session list
     * @returns {Promise<void>}
     * @throws {RotorError} with the server's reason, such as `INVALID_CREDENTIALS`
     */
    async login(username, password, deviceId) {
        const body = { username, password };
        if (deviceId !== undefined && deviceId !== null) {
            body.device_id = deviceId;
        }
        await this.#underLock(async () => {
            const reply = await this.#post('api/v1/auth/login', body);
            await this.#accept(reply, 'login');
        });
    }

    /**
     * Sends a request with the bearer token; on a 401 `TOKEN_EXPIRED` refreshes once and sends it again.
     * Takes the same arguments as `window.fetch`; a relative URL is resolved against `baseUrl`. Redirects are not
     * followed (`redirect: 'manual'`: a redirect answers as an `opaqueredirect` response) unless `init.redirect`
     * or the `Request`'s own mode says otherwise, so the token never goes where a redirect points.
     *
     * @param {RequestInfo | URL} input
     * @param {RequestInit} [init]
     * @returns {Promise<Response>} the server's response, whatever its status
     * @throws {RotorError} if no token can be had (`REFRESH_TOKEN_REQUIRED` when not logged in), or
     *     `FOREIGN_URL` for a URL outside `baseUrl`; a request that gets no answer rejects as `window.fetch` does
     */
    async fetch(input, init) {
        // not 'follow' by default: a redirect would carry the bearer token to wherever it points
        const chosen = (init && init.redirect !== undefined) || (input instanceof Request && input.redirect !== 'follow');
        const request = new Request(input instanceof Request ? input : new URL(String(input), this.#base),
            chosen ? init : { ...init, redirect: 'manual' });
        if (!request.url.startsWith(this.#base.href)) {
            throw new RotorError('FOREIGN_URL', 0, 'rotor-browser sends its token only under ' + this.#base.href);
        }
        const used = await this.#usableSession();
        const response = await fetch(withBearer(request.clone(), used.accessToken));
        if (response.status !== 401 || (await errorOf(response.clone())).reason !== 'TOKEN_EXPIRED') {
            return response;
        }
        const fresh = await this.#refreshUnless(used);
        return fetch(withBearer(request, fresh.accessToken));
    }

    /**
     * Gets a new access token now, unless another tab got one while this one waited for its turn.
     *
     * @returns {Promise<void>}
     * @throws {RotorError} with the server's reason; `TOKEN_REUSED`, `TOKEN_REVOKED` and the like have then
     *     logged out every tab
     */
    async refresh() {
        await this.#refreshUnless(this.#session);
    }

    /**
     * Logs out this session in every tab of the origin; the server clears the cookie.
     *
     * @returns {Promise<void>}
     * @throws {RotorError} if the server could not be reached or failed (then nothing changed: try again)
     */
    async logout() {
        await this.#underLock(async () => {
            try {
                await this.#post('api/v1/auth/logout', {});
            } catch (error) {
                if (error.status < 400 || error.status >= 500) {
                    throw error;
                }
                // already dead: a refusal means there is nothing left to end
            }
            this.#forget('LOGOUT', this.#nextStamp(), 'tell');
        });
    }

    /**
     * Logs out every session of the user, on every device, and every tab here.
     *
     * @returns {Promise<void>}
     * @throws {RotorError} with the server's reason, if it refused or failed
     */
    async logoutAll() {
        const response = await this.fetch('api/v1/auth/logout-all', { method: 'POST' }).catch((error) => {
            throw error instanceof RotorError ? error : new RotorError('NETWORK_ERROR', 0, 'The server could not be reached');
        });
        if (!response.ok) {
            throw await errorOf(response);
        }
        await this.#underLock(async () => {
            await this.#post('api/v1/auth/logout', {}).catch(() => {}); // only to clear the cookie
            this.#forget('LOGOUT_ALL', this.#nextStamp(), 'tell');
        });
    }

    /**
     * The current access token, kept in memory only, or `null` when this tab has none (yet).
     *
     * @returns {string | null}
     */
    accessToken() {
        return this.#session ? this.#session.accessToken : null;
    }

    /**
     * Calls the listener on each login, refresh and logout, in this tab or another.
     *
     * @param {(event: ChangeEvent) => void} listener
     * @returns {() => void} stops calling it
     */
    onChange(listener) {
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
    }

    /** A session whose token is worth sending: this tab's, another tab's, or a refreshed one. */
    async #usableSession() {
        await this.#peersAsked;
        const session = this.#session;
        if (session && session.expiresAt - Date.now() > MIN_USABLE_MS) {
            return session;
        }
        return this.#refreshUnless(session);
    }

    /**
     * Rotates, once per tab however many callers ask at once, and under the cross-tab lock; unless, when this
     * tab's turn comes, the session is no longer `known`: another tab refreshed (or logged in) meanwhile.
     */
    #refreshUnless(known) {
        if (this.#inflight) {
            return this.#inflight;
        }
        const epochAtCall = this.#epoch;
        /** Another tab's newer token, or its logout (thrown), if one came since the call; else null. */
        const meanwhile = () => {
            const now = this.#session;
            if (now && now !== known && now.expiresAt - Date.now() > MIN_USABLE_MS) {
                return now;
            }
            if (!now && this.#epoch > epochAtCall && this.#lastLogout) {
                throw this.#lastLogout; // logged out while waiting: don't revive it from a stale cookie
            }
            return null;
        };
        const flight = this.#underLock(async () => {
            // asked twice: another tab's token, or its logout, may land while this tab looks for that token
            return meanwhile() || (await this.#tokenOfAnotherTab()) || meanwhile() || this.#rotate();
        }).finally(() => {
            if (this.#inflight === flight) {
                this.#inflight = null;
            }
        });
        this.#inflight = flight;
        return flight;
    }

    async #rotate() {
        let reply;
        try {
            try {
                reply = await this.#post('api/v1/auth/refresh', {});
            } catch (error) {
                if (error.status !== 0) {
                    throw error;
                }
                // The reply was lost, the rotation may have committed: send it once more at once, which the
                // server's grace period answers with the same successor.
                reply = await this.#post('api/v1/auth/refresh', {});
            }
        } catch (error) {
            if (DEAD_SESSION.has(error.reason)) {
                this.#forget(error.reason, this.#nextStamp(), 'tell');
            } else if (error.reason === 'REFRESH_TOKEN_REQUIRED') {
                this.#forget(error.reason, this.#epoch, 'local'); // no cookie: nothing to tell the others
            }
            throw error;
        }
        await this.#accept(reply, 'refresh');
        return this.#session;
    }

    /**
     * Whether another tab holds a newer token than this one has seen: its marker lock says so. The lock
     * manager, unlike a broadcast, is in step with the refresh lock: a tab takes its marker before it lets the
     * refresh lock go. If so, waits a little for that tab to hand the token over.
     */
    async #tokenOfAnotherTab() {
        if (!this.#locking()) {
            return null;
        }
        const prefix = this.#lockName + ' #';
        const { held = [] } = await navigator.locks.query();
        let newest = null;
        for (const lock of held) {
            if (lock.name && lock.name.startsWith(prefix)) {
                const [stamp, expiresAt] = lock.name.slice(prefix.length).split(' ').map(Number);
                if (!plausibleStamp(stamp) || !Number.isFinite(expiresAt)) {
                    continue; // not one of ours
                }
                if (!newest || stamp > newest.stamp) {
                    newest = { stamp, expiresAt };
                }
            }
        }
        if (!newest || newest.stamp <= this.#epoch || newest.expiresAt - Date.now() <= MIN_USABLE_MS) {
            return null;
        }
        return new Promise((resolve) => {
            const waiter = { stamp: newest.stamp, resolve };
            this.#tokenWaiters.add(waiter);
            this.#broadcast({ t: 'ask' });
            setTimeout(() => {
                this.#tokenWaiters.delete(waiter);
                resolve(null);
            }, HANDOVER_WAIT_MS);
        });
    }

    /** Holds a lock named after this tab's newest token (until the next one), for #tokenOfAnotherTab. */
    async #mark(session) {
        if (!this.#locking()) {
            return;
        }
        let release;
        const held = new Promise((resolve) => {
            release = resolve;
        });
        const name = this.#lockName + ' #' + session.stamp + ' ' + session.expiresAt;
        await new Promise((granted) => {
            navigator.locks.request(name, { mode: 'shared' }, () => {
                granted();
                return held;
            }).catch(granted);
        });
        this.#unmark();
        this.#releaseMark = release;
    }

    #unmark() {
        if (this.#releaseMark) {
            this.#releaseMark();
            this.#releaseMark = null;
        }
    }

    #locking() {
        return !this.#o.withoutLock && Boolean(globalThis.navigator && navigator.locks);
    }

    /** Takes a login or refresh reply, tells the other tabs. */
    async #accept(reply, kind) {
        if (typeof reply.access_token !== 'string' || typeof reply.expires_in !== 'number') {
            throw new RotorError('INVALID_REPLY', 200, 'The server answered without an access token');
        }
        const lifetimeMs = reply.expires_in * 1000;
        const session = {
            accessToken: reply.access_token,
            expiresAt: reply.sentAt + lifetimeMs,
            lifetimeMs,
            stamp: this.#nextStamp(),
        };
        this.#install(session, false);
        this.#broadcast({ t: 'token', kind, ...session });
        await this.#mark(session);
    }

    #install(session, fromOtherTab) {
        const type = this.#session ? 'refresh' : 'login';
        this.#session = session;
        this.#epoch = Math.max(this.#epoch, session.stamp);
        this.#lastLogout = null;
        this.#schedule();
        for (const waiter of this.#tokenWaiters) {
            if (session.stamp >= waiter.stamp) {
                this.#tokenWaiters.delete(waiter);
                waiter.resolve(session);
            }
        }
        this.#emit({ type, fromOtherTab });
    }

    /**
     * Drops the token. `how` is `tell` when this tab decided it and every tab must log out, `local` when only
     * this tab is concerned, `told` when another tab decided it.
     */
    #forget(reason, stamp, how) {
        const had = this.#session !== null;
        this.#session = null;
        this.#epoch = Math.max(this.#epoch, stamp);
        this.#lastLogout = new RotorError(reason, 401, 'Logged out: ' + reason);
        clearTimeout(this.#timer);
        this.#unmark();
        if (how === 'tell') {
            this.#broadcast({ t: 'logout', reason, stamp });
        }
        if (had) {
            this.#emit({ type: 'logout', reason, fromOtherTab: how === 'told' });
        }
    }

    #onMessage(data) {
        const message = checked(data);
        if (!message) {
            return; // malformed, or from a clock far ahead: no script of the origin can wedge a tab this way
        }
        if (message.t === 'ask') {
            const session = this.#session;
            if (session && session.expiresAt - Date.now() > MIN_USABLE_MS) {
                this.#broadcast({ t: 'token', kind: 'handover', ...session });
            }
            return;
        }
        if (message.stamp <= this.#epoch) {
            return; // older than what this tab already knows
        }
        if (message.t === 'token') {
            const { accessToken, expiresAt, lifetimeMs, stamp } = message;
            this.#install({ accessToken, expiresAt, lifetimeMs, stamp }, true);
            this.#peerAnswered();
        } else {
            this.#forget(message.reason, message.stamp, 'told');
        }
    }

    /** Refreshes ahead of expiry, with jitter; a failed attempt is tried again while the token lasts. */
    #schedule(delay) {
        clearTimeout(this.#timer);
        const session = this.#session;
        if (!session || !this.#o.autoRefresh) {
            return;
        }
        if (delay === undefined) {
            const lead = Math.min(this.#o.refreshAheadMs, session.lifetimeMs / 2);
            const jitter = Math.random() * Math.min(this.#o.jitterMs, session.lifetimeMs / 4);
            delay = session.expiresAt - lead - jitter - Date.now();
        }
        this.#timer = setTimeout(() => {
            this.#refreshUnless(session).catch(() => {
                if (this.#session === session && session.expiresAt - Date.now() > RETRY_MS) {
                    this.#schedule(RETRY_MS);
                }
            });
        }, Math.min(Math.max(0, delay), MAX_TIMER_MS));
    }

    /**
     * Runs `task` holding the origin-wide lock. A holder that keeps it for `lockTimeoutMs` (as this tab watched
     * it, from when it first saw that holder) hangs: then one waiting tab, the one that gets the steal lock,
     * takes the lock from it; the others keep waiting, their clocks restarted by the new holder.
     */
    async #underLock(task) {
        if (!this.#locking()) {
            return task();
        }
        /** @type {Promise<any> | null} */
        let mine = null;
        const run = () => (mine ??= task()); // once, whichever way the lock came
        let waiting = true;
        const queue = new AbortController();
        const queued = navigator.locks.request(this.#lockName, { signal: queue.signal }, () => {
            waiting = false;
            return run();
        });
        const settled = queued.then(() => {}, () => {});
        try {
            const stolen = await this.#stealFromHungHolder(() => waiting, settled, () => {
                waiting = false;
                queue.abort();
            }, run);
            return await (stolen === NOT_STOLEN ? queued : stolen.result);
        } catch (error) {
            if (mine) {
                return mine; // the task ran (and may have failed, or had its lock stolen): its outcome stands
            }
            throw error instanceof RotorError ? error : new RotorError('LOCK_FAILED', 0,
                'The cross-tab lock failed: ' + (error && error.name));
        }
    }

    /**
     * While this tab waits, watches the lock's holder; once the same holder has held it for `lockTimeoutMs`,
     * steals it under the steal lock (one stealer at a time, and only from the holder it watched) and returns
     * `{result}`, the outcome of `run`. Returns NOT_STOLEN when this tab's own request was granted or failed
     * first. The clock restarts when the holder changes, and when the queue shrinks: a request was granted (the
     * same tab may have let go and taken the lock again between two looks).
     */
    async #stealFromHungHolder(isWaiting, settled, leaveQueue, run) {
        const pollMs = Math.min(1000, Math.max(50, this.#o.lockTimeoutMs / 10));
        let watched = null;
        let since = 0;
        const same = (now) => watched !== null && now.id !== null && now.id === watched.id && now.pending >= watched.pending;
        while (isWaiting()) {
            const now = await this.#holder();
            if (!isWaiting()) {
                break;
            }
            if (!same(now)) {
                since = Date.now();
            } else if (Date.now() - since >= this.#o.lockTimeoutMs) {
                const outcome = await navigator.locks.request(this.#lockName + ' steal', { ifAvailable: true }, async (lock) => {
                    if (!lock || !same(await this.#holder()) || !isWaiting()) {
                        return NOT_STOLEN; // another tab is stealing, or the holder changed: watch afresh
                    }
                    leaveQueue();
                    let granted = () => {};
                    const started = new Promise((resolve) => {
                        granted = resolve;
                    });
                    const result = navigator.locks.request(this.#lockName, { steal: true }, () => {
                        granted();
                        return run();
                    });
                    // the steal lock goes once this tab holds the lock: the others now watch this tab
                    await Promise.race([started, result.catch(() => {})]);
                    return { result };
                });
                if (outcome !== NOT_STOLEN) {
                    return outcome;
                }
                since = Date.now();
            }
            watched = now;
            await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, pollMs))]);
        }
        return NOT_STOLEN;
    }

    /** The client id of the refresh lock's holder (null when nobody holds it), and how many requests wait. */
    async #holder() {
        const { held = [], pending = [] } = await navigator.locks.query();
        const lock = held.find((each) => each.name === this.#lockName);
        return {
            id: lock ? lock.clientId || 'unknown' : null,
            pending: pending.filter((each) => each.name === this.#lockName).length,
        };
    }

    /** POSTs JSON with the cookie; resolves with the reply's JSON (`{}` for 204), rejects with a RotorError. */
    async #post(path, body) {
        const sentAt = Date.now();
        let response;
        try {
            response = await fetch(new URL(path, this.#base), {
                method: 'POST',
                credentials: 'include',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify(body),
                signal: AbortSignal.timeout(this.#o.requestTimeoutMs),
            });
        } catch (error) {
            throw error && error.name === 'TimeoutError'
                ? new RotorError('TIMEOUT', 0, 'No answer from the server within ' + this.#o.requestTimeoutMs + ' ms')
                : new RotorError('NETWORK_ERROR', 0, 'The server could not be reached');
        }
        if (!response.ok) {
            throw await errorOf(response);
        }
        const reply = response.status === 204 ? {} : await response.json().catch(() => ({}));
        return Object.assign(reply, { sentAt });
    }

    #nextStamp() {
        return Math.max(Date.now(), this.#epoch + 1);
    }

    #broadcast(message) {
        if (this.#channel) {
            this.#channel.postMessage(message);
        }
    }

    #emit(event) {
        for (const listener of this.#listeners) {
            try {
                listener(event);
            } catch (error) {
                setTimeout(() => { throw error; }); // reported, without stopping the other listeners
            }
        }
    }
}

/**
 * A BroadcastChannel message as this module sends it, or null: finite numbers, a stamp not ahead of this
 * tab's clock by more than STAMP_SLACK_MS, a token lifetime and expiry within bounds, a token that can go in a
 * header, a reason in the server's form.
 */
function checked(message) {
    if (!message || typeof message !== 'object') {
        return null;
    }
    if (message.t === 'ask') {
        return { t: 'ask' };
    }
    if (!plausibleStamp(message.stamp)) {
        return null;
    }
    if (message.t === 'logout') {
        return typeof message.reason === 'string' && REASON.test(message.reason)
            ? { t: 'logout', reason: message.reason, stamp: message.stamp }
            : null;
    }
    const { accessToken, expiresAt, lifetimeMs, stamp } = message;
    const sane = message.t === 'token'
        && typeof accessToken === 'string' && accessToken.length <= MAX_TOKEN_CHARS && TOKEN.test(accessToken)
        && typeof lifetimeMs === 'number' && lifetimeMs > 0 && lifetimeMs <= MAX_LIFETIME_MS
        && typeof expiresAt === 'number' && Number.isFinite(expiresAt)
        && expiresAt <= Date.now() + lifetimeMs + STAMP_SLACK_MS;
    return sane ? { t: 'token', accessToken, expiresAt, lifetimeMs, stamp } : null;
}

/** A stamp this module could have made: a positive finite time, not far ahead of this tab's clock. */
function plausibleStamp(stamp) {
    return typeof stamp === 'number' && Number.isFinite(stamp) && stamp > 0 && stamp <= Date.now() + STAMP_SLACK_MS;
}

/** @returns {Request} the request with an `Authorization: Bearer` header */
function withBearer(request, token) {
    const headers = new Headers(request.headers);
    headers.set('Authorization', 'Bearer ' + token);
    return new Request(request, { headers });
}

/** @returns {Promise<RotorError>} the server's error body as an error */
async function errorOf(response) {
    let error = {};
    try {
        error = (await response.json()).error || {};
    } catch {
        // not the server's JSON: only the status is known
    }
    return new RotorError(
        typeof error.reason === 'string' ? error.reason : 'HTTP_' + response.status,
        response.status,
        typeof error.message === 'string' ? error.message : 'HTTP ' + response.status);
}

function number(options, name, fallback, min) {
    const value = options[name] === undefined ? fallback : options[name];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
        throw new TypeError('rotor-browser: ' + name + ' must be a number of milliseconds, at least ' + min);
    }
    return value;
}
