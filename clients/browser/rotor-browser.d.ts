// Types of rotor-browser.js, written by hand: keep them in step with its JSDoc.

export interface ClientOptions {
    /** The server's root URL, such as `location.origin`; the bearer token is added only to requests under it. */
    baseUrl: string | URL;
    /** How long before the access token expires to refresh it (at most half its lifetime); default 60000. */
    refreshAheadMs?: number;
    /** Up to this much earlier still, at random (at most a quarter of the lifetime); default 5000. */
    jitterMs?: number;
    /** How long one request to the server may take; default 10000. */
    requestTimeoutMs?: number;
    /**
     * How long one tab may hold the lock before a waiting tab takes it from it; default 30000. More than
     * 2 × `requestTimeoutMs` + 2000: a live tab holds it for two requests, a 1 s hand-over wait and lock queries.
     */
    lockTimeoutMs?: number;
    /** How long a tab without a token waits for another tab to hand it one; default 250. */
    peerWaitMs?: number;
    /** Refresh ahead of expiry; `false`: only on a `TOKEN_EXPIRED` answer or `refresh()`. Default true. */
    autoRefresh?: boolean;
    /**
     * Where the browser has no Web Locks (outside a secure context), refresh without the cross-tab lock instead
     * of `createClient` throwing: tabs can then rotate at once and be logged out for reuse. Default false.
     */
    allowUnlockedRefresh?: boolean;
    /**
     * TEST ONLY, UNSAFE IN AN APPLICATION: skips the cross-tab lock, so tabs rotate one refresh token at once and
     * the server logs the user out everywhere for reuse. It exists only for the control test that shows the reuse
     * the lock prevents; never set it in a page.
     * @internal
     */
    testOnlyWithoutLock?: boolean;
}

export interface ChangeEvent {
    type: 'login' | 'refresh' | 'logout';
    /** Why, for `logout`: `LOGOUT`, `LOGOUT_ALL`, or the server's reason such as `TOKEN_REUSED`. */
    reason?: string;
    /** Whether another tab made the change. */
    fromOtherTab: boolean;
}

/**
 * A refusal or failure, with the server's reason, or `NETWORK_ERROR`, `TIMEOUT`, `FOREIGN_URL`, `LOCK_FAILED` (the
 * cross-tab lock failed), `HTTP_<status>`.
 */
export class RotorError extends Error {
    constructor(reason: string, status: number, message: string);
    readonly reason: string;
    /** The HTTP status, 0 when there was no answer. */
    readonly status: number;
}

export interface RotorClient {
    login(username: string, password: string, deviceId?: string): Promise<void>;
    /**
     * `window.fetch` with the bearer token, only under `baseUrl`; refreshes once on a 401 `TOKEN_EXPIRED`.
     * Redirects are not followed (`redirect: 'manual'`) unless `init.redirect` or the Request's mode says so.
     */
    fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
    refresh(): Promise<void>;
    logout(): Promise<void>;
    logoutAll(): Promise<void>;
    accessToken(): string | null;
    onChange(listener: (event: ChangeEvent) => void): () => void;
}

/**
 * Creates a client for one Rotor server; one per page.
 * @throws TypeError if an option is missing or out of range, or the browser has no Web Locks and
 *     `allowUnlockedRefresh` is not set
 */
export function createClient(options: ClientOptions): RotorClient;
