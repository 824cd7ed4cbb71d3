// The demo page's script: the rotor-browser module and a few buttons. No framework.
import { createClient } from '/rotor-browser.js';

const $ = (id) => document.getElementById(id);
const client = (() => {
    try {
        return createClient({ baseUrl: location.origin });
    } catch (error) {
        $('status').textContent = error.message; // such as no Web Locks on a page that is not a secure context
        throw error;
    }
})();

function log(line) {
    $('events').textContent = new Date().toLocaleTimeString() + '  ' + line + '\n' + $('events').textContent;
}

function show(loggedIn, text) {
    $('status').textContent = text;
    $('login-box').hidden = loggedIn;
    $('session-box').hidden = !loggedIn;
    if (!loggedIn) {
        $('me').textContent = '';
        $('sessions').tBodies[0].replaceChildren();
    }
}

/** Runs a button's action; a refusal is shown with the server's reason. */
function action(id, run) {
    $(id).addEventListener('click', async () => {
        try {
            await run();
        } catch (error) {
            log(id + ' failed: ' + (error.reason || error.name) + ' ' + error.message);
        }
    });
}

async function json(path, init) {
    const response = await client.fetch(path, init);
    const body = response.status === 204 ? {} : await response.json();
    if (!response.ok) {
        throw Object.assign(new Error(body.error?.message || 'HTTP ' + response.status),
            { reason: body.error?.reason });
    }
    return body;
}

async function whoAmI() {
    const me = await json('/api/v1/me');
    $('me').textContent = JSON.stringify(me, null, 2);
    show(true, 'logged in as ' + me.subject + ' on ' + (me.device_id || 'no device'));
}

async function listSessions() {
    const { sessions } = await json('/api/v1/auth/sessions');
    const rows = sessions.map((session) => {
        const row = document.createElement('tr');
        for (const field of ['device_id', 'created_at', 'last_refreshed_at', 'expires_at']) {
            const cell = row.insertCell();
            cell.textContent = session[field] ?? '';
        }
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'revoke';
        button.dataset.sessionId = session.session_id;
        button.textContent = session.current ? 'Log out (this browser)' : 'Revoke';
        button.addEventListener('click', async () => {
            try {
                if (session.current) {
                    await client.logout();
                } else {
                    await json('/api/v1/auth/sessions/revoke', {
                        method: 'POST',
                        headers: { 'Content-Type': 'application/json' },
                        body: JSON.stringify({ session_id: session.session_id }),
                    });
                    log('revoked the session on ' + (session.device_id || 'no device'));
                    await listSessions();
                }
            } catch (error) {
                log('revoke failed: ' + (error.reason || error.name) + ' ' + error.message);
            }
        });
        row.insertCell().append(button);
        return row;
    });
    $('sessions').tBodies[0].replaceChildren(...rows);
}

client.onChange((event) => {
    log(event.type + (event.reason ? ' (' + event.reason + ')' : '') + (event.fromOtherTab ? ' from another tab' : ''));
    if (event.type === 'logout') {
        show(false, 'logged out (' + event.reason + ')');
    } else if (event.type === 'login') {
        whoAmI().catch(() => {});
    }
});

$('login').addEventListener('submit', async (submit) => {
    submit.preventDefault();
    try {
        await client.login($('username').value, $('password').value, $('device').value || undefined);
    } catch (error) {
        log('login failed: ' + error.reason + ' ' + error.message);
        show(false, 'logged out (' + error.reason + ')');
    }
});
action('whoami', whoAmI);
action('refresh', () => client.refresh());
action('list', listSessions);
action('logout', () => client.logout());
action('logout-all', () => client.logoutAll());

// On load: a token from another tab, else from the cookie (a reload keeps the session), else the login form.
whoAmI().catch((error) => show(false, 'logged out (' + (error.reason || error.message) + ')'));
