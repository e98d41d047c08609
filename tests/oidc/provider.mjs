// A real OpenID provider for the portal's OpenID Connect login tests: the certified `oidc-provider`
// package (installed by `npm ci` from package-lock.json beside this file), run by node.
//
//   ISSUER_PORT=9123 REDIRECT_URI=http://127.0.0.1:8000/oidc/callback/ node provider.mjs
//
// It prints "ready <issuer>" once it listens. Its own two small pages stand in for the national
// login's: a login form (the test types an account name) with "Cancel" (the person refuses: the
// portal gets error=access_denied), and no separate consent page (the login grants the scopes asked).
// The accounts below are the identities the tests log in as; none of them exists outside this file.
import crypto from 'node:crypto';
import http from 'node:http';

import Provider from 'oidc-provider';

const port = Number(process.env.ISSUER_PORT || 9123);
const issuer = `http://127.0.0.1:${port}`;
const redirectUri = process.env.REDIRECT_URI;
if (!redirectUri) {
  console.error('REDIRECT_URI is required');
  process.exit(2);
}

const ACCOUNTS = {
  anna: {
    email: 'anna@example.dk', email_verified: true, name: 'Anna Mitid Andersen', person_id: 'person-anna',
  },
  bo: {
    email: 'bo@example.dk', email_verified: true, name: 'Bo Bygherre', person_id: 'person-bo', cvr: '12345678',
  },
  carl: {
    email: 'carl@example.dk', email_verified: false, name: 'Carl Uverificeret', person_id: 'person-carl',
  },
};

const key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'permitportal',
    client_secret: 'permitportal-test-secret',
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  jwks: { keys: [{ ...key, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
  cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'person_id', 'cvr'],
  },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const account = ACCOUNTS[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: `sub-${id}`, ...account }) };
  },
});

const page = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
</head><body><main><h1>${title}</h1>${body}</main></body></html>`;

const readForm = (req) => new Promise((resolve, reject) => {
  let data = '';
  req.on('data', (chunk) => {
    data += chunk;
    if (data.length > 10000) reject(new Error('body too large'));
  });
  req.on('end', () => resolve(new URLSearchParams(data)));
  req.on('error', reject);
});

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('wrong interaction');
  if (req.method === 'GET') {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(page('National login (test provider)', `
      <form method="post" action="/interaction/${uid}/login">
        <label for="login">Account</label> <input id="login" name="login" autocomplete="off">
        <button type="submit">Log in</button>
      </form>
      <form method="post" action="/interaction/${uid}/abort"><button type="submit">Cancel</button></form>`));
    return;
  }
  if (action === 'abort') {
    await provider.interactionFinished(req, res, {
      error: 'access_denied', error_description: 'End-User aborted interaction',
    }, { mergeWithLastSubmission: false });
    return;
  }
  const login = (await readForm(req)).get('login') || '';
  if (!ACCOUNTS[login]) {
    res.statusCode = 400;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(page('Unknown account', '<p>No such test account.</p>'));
    return;
  }
  const grant = new provider.Grant({ accountId: login, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId: login }, consent: { grantId } },
    { mergeWithLastSubmission: false });
}

const handle = provider.callback();
const server = http.createServer((req, res) => {
  if (req.url === '/favicon.ico') {
    res.statusCode = 204;
    return res.end();
  }
  const match = req.url.match(/^\/interaction\/([\w-]+)(?:\/(login|abort))?$/);
  if (!match) return handle(req, res);
  return interaction(req, res, match[1], match[2]).catch((err) => {
    res.statusCode = 400;
    res.end(String(err));
  });
});
server.listen(port, '127.0.0.1', () => console.log(`ready ${issuer}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
